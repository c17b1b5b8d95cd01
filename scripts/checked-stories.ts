/**
 * Validation at build time for the stories the app ships (`static/stories/<slug>.json` with its
 * article): each is checked with the app's own validator (a story with errors fails the build,
 * with every problem listed), and its checked form is written as `stories/<slug>.<hash>.json`
 * (src/lib/core/story/checked.ts), without the texts only the reading panel shows, which go to
 * `stories/<slug>.<hash>.texts.json`. The reader's page loads those instead of the story file,
 * the texts with the reading panel, so it neither downloads nor runs the validator for them;
 * any other story, and the studio, are validated in the browser as before. In development nothing is precomputed: every story is
 * validated when it loads, so an edited file is checked at once.
 *
 * `import { CHECKED } from 'virtual:checked-stories'`: slug → { file, texts, article } (paths relative
 * to the page's base).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { parseStory } from '../src/lib/core/story/validate';
import {
  datePaths,
  splitReadingTexts,
  type CheckedFile,
  type CheckedStory,
} from '../src/lib/core/story/checked';
import { ARTICLE_FILE } from '../src/lib/core/story/files';

const ID = 'virtual:checked-stories';
const RESOLVED = `\0${ID}`;
const STORIES = fileURLToPath(new URL('../static/stories/', import.meta.url));

const isStoryDate = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { earliest?: unknown }).earliest === 'number' &&
  typeof (value as { toJSON?: unknown }).toJSON === 'function';

/** The checked form of one story file and its article; throws with every problem if invalid. */
export function checkStoryFile(json: unknown, article: string, name: string): CheckedFile {
  const result = parseStory(json, article);
  if (!result.ok)
    throw new Error(
      `${name} is not a valid story:\n${result.errors.map((e) => `  ${e.where}: ${e.message}`).join('\n')}`,
    );
  return {
    dates: [...datePaths(result.story, isStoryDate)].sort(),
    // Dates go back to their written form (StoryDate.toJSON); the reader parses them again.
    story: JSON.parse(JSON.stringify(result.story)) as Record<string, unknown>,
  };
}

/** The story files in `dir`: JSON files that name an article (presentation files do not). */
function storyFiles(dir: string): { slug: string; json: Record<string, unknown> }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      slug: file.slice(0, -'.json'.length),
      json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>,
    }))
    .filter(({ json }) => typeof (json['article'] as { src?: unknown })?.src === 'string');
}

export function checkedStories(dir = STORIES): Plugin {
  let build = false;
  return {
    name: 'checked-stories',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(source) {
      return source === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      if (!build) return 'export const CHECKED = {};';
      const checked: Record<string, CheckedStory> = {};
      for (const { slug, json } of storyFiles(dir)) {
        const src = (json['article'] as { src: string }).src;
        if (!ARTICLE_FILE.test(src)) throw new Error(`${slug}.json: article → src "${src}"`);
        const article = readFileSync(join(dir, src), 'utf8');
        const { dates, story } = checkStoryFile(json, article, `${slug}.json`);
        // The schema's address is for people editing the file, not for the reader's page.
        const { $schema: _schema, ...readable } = story as Record<string, unknown>;
        const split = splitReadingTexts(readable);
        const text = JSON.stringify({ dates, story: split.story } satisfies CheckedFile);
        const texts = JSON.stringify(split.texts);
        const hash = createHash('sha256').update(text).update(texts).digest('hex').slice(0, 8);
        const file = `stories/${slug}.${hash}.json`;
        const textsFile = `stories/${slug}.${hash}.texts.json`;
        this.emitFile({ type: 'asset', fileName: file, source: text });
        this.emitFile({ type: 'asset', fileName: textsFile, source: texts });
        checked[slug] = { file, texts: textsFile, article: `stories/${src}` };
      }
      return `export const CHECKED = ${JSON.stringify(checked)};`;
    },
  };
}
