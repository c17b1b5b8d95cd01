/**
 * A story checked at build time (scripts/checked-stories.ts): the validator's output written as
 * JSON, with the places of its dates, so the reader's page reads it back without downloading or
 * running the validator. Stories named with `?story=` that the build did not check, and the
 * studio, still go through the full validation.
 */
import { mustParseDate } from './dates';
import type { Story } from './schema';

/** What the build writes: the parsed story (dates as written) and where its dates are. */
export interface CheckedFile {
  /** Paths of the story's dates, list indexes written `*`: `actors.*.roles.*.from`. */
  dates: string[];
  story: Record<string, unknown>;
}

/** Where a built-in story's checked file and its article are, relative to the page's base. */
export interface CheckedStory {
  file: string;
  article: string;
}

type Node = Record<string, unknown> | unknown[];

/** The `*`-paths of every value `isDate` accepts in `value` (what the build records). */
export function datePaths(value: unknown, isDate: (v: unknown) => boolean, at = ''): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (isDate(node)) found.add(path);
    else if (Array.isArray(node)) node.forEach((item) => walk(item, path ? `${path}.*` : '*'));
    else if (typeof node === 'object' && node !== null)
      for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(value, at);
  return found;
}

/** Replaces the text at each path (where present) by what `parse` makes of it, in place. */
function reviveAt(node: unknown, keys: readonly string[], parse: (text: string) => unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const [key, ...rest] = keys;
  if (key === undefined) return;
  const children: [Node, string | number][] =
    key === '*'
      ? Array.isArray(node)
        ? node.map((_, i) => [node, i])
        : []
      : key in node
        ? [[node as Node, key]]
        : [];
  for (const [parent, k] of children) {
    const value = (parent as Record<string | number, unknown>)[k];
    if (rest.length > 0) reviveAt(value, rest, parse);
    else if (typeof value === 'string')
      (parent as Record<string | number, unknown>)[k] = parse(value);
  }
}

/** The story of a checked file, its dates parsed again (they were valid when it was built). */
export function reviveStory(file: CheckedFile): Story {
  const story = file.story;
  for (const path of file.dates) reviveAt(story, path.split('.'), mustParseDate);
  return story as unknown as Story;
}
