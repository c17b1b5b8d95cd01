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

/** Where a built-in story's checked file, its reading texts and its article are (from the base). */
export interface CheckedStory {
  file: string;
  texts: string;
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

/**
 * The fields only the reading panel (and a presentation) shows: the passages' quotes and notes,
 * the notes' texts and sources, the sources, the actors' and relations' longer names, summaries and the words highlighted in
 * passages, which passages and notes a relation or an event has, the events' descriptions and
 * sources. A checked story's first download leaves them out; they come with the article, when
 * the reading panel is fetched.
 */
export const READING_FIELDS = {
  passages: ['quote', 'notes'],
  notes: ['text', 'sources'],
  sources: ['label', 'url'],
  actors: ['officialName', 'summary', 'aliases'],
  relations: ['summary', 'mentions', 'passages', 'notes'],
  events: ['description', 'sources', 'passages', 'notes'],
} as const;
type List = keyof typeof READING_FIELDS;
const LISTS = Object.keys(READING_FIELDS) as List[];

/** Each list's reading fields, item by item in the list's order (the fields an item has). */
export type ReadingTexts = Partial<Record<List, Record<string, unknown>[]>>;

type Item = Record<string, unknown>;
const items = (story: Item, list: string) => (story[list] ?? []) as Item[];

/** The story without its reading fields, and those fields (at build time, on the JSON form). */
export function splitReadingTexts(story: Item): { story: Item; texts: ReadingTexts } {
  const without: Item = { ...story };
  const texts: ReadingTexts = {};
  for (const list of LISTS) {
    if (!(list in story)) continue;
    const fields: readonly string[] = READING_FIELDS[list];
    const keep = (item: Item, reading: boolean) =>
      Object.fromEntries(Object.entries(item).filter(([key]) => fields.includes(key) === reading));
    without[list] = items(story, list).map((item) => keep(item, false));
    texts[list] = items(story, list).map((item) => keep(item, true));
  }
  return { story: without, texts };
}

/** Puts the reading fields back into the story's own objects (in place: the index keeps them). */
export function fillReadingTexts(story: Story, texts: ReadingTexts): void {
  for (const list of LISTS)
    items(story as unknown as Item, list).forEach((item, i) =>
      Object.assign(item, texts[list]?.[i]),
    );
}
