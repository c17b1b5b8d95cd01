/**
 * `dist/story.schema.json`: the JSON Schema of a story file, generated from the valibot schema
 * so an editor completes and checks fields while typing (story files point to it with
 * `"$schema"`). What the loader fills in itself is not required here: a group's anchor.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { Plugin } from 'vite';
import { StorySchema } from '../src/lib/core/story/schema';

type Node = { properties?: Record<string, Node>; items?: Node; required?: string[] };

export function storyJsonSchema(): Record<string, unknown> {
  // Trims and defaults have no JSON Schema form: they are left out, not refused.
  const schema = toJsonSchema(StorySchema, { errorMode: 'ignore' }) as Node &
    Record<string, unknown>;
  const actor = schema.properties?.['actors']?.items;
  if (actor?.required) actor.required = actor.required.filter((key) => key !== 'anchor');
  return {
    ...schema,
    title: 'Alliance map story',
    description: 'A story file of the alliance map (see README: Writing a story).',
  };
}

/** Emits the schema beside the app when it is built. */
export function storySchemaFile(): Plugin {
  return {
    name: 'story-schema',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'story.schema.json',
        source: `${JSON.stringify(storyJsonSchema(), null, 2)}\n`,
      });
    },
  };
}
