/**
 * A story being edited in the studio: the story file's JSON exactly as written (fields the
 * studio does not know stay in it untouched), its article and, when the story keeps its steps in
 * their own file, that file's JSON. Every edit makes a new document (structural sharing), so
 * undo is a list of documents and nothing is ever changed in place.
 */
import type * as v from 'valibot';
import type { StepSchema, StorySchema } from '../core/story/schema';
import { PRESENTATION_FILE } from '../core/story/schema';
import { articleDate, datesIn } from '../core/draft/dates';

/** The story file as written: the schema's input type, plus whatever else the file holds. */
export type StoryJson = v.InferInput<typeof StorySchema> & Record<string, unknown>;
export type StepJson = v.InferInput<typeof StepSchema> & Record<string, unknown>;
export type PresentationJson = { steps: StepJson[] } & Record<string, unknown>;

export interface Doc {
  story: StoryJson;
  article: string;
  /** The presentation file's JSON, when the story names one (`presentation`). */
  presentation: PresentationJson | null;
}

/** A key into a document: `['story', 'actors', 2, 'name']`. */
export type Path = readonly (string | number)[];

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`; only the objects along the path are copied. An
 * `undefined` value removes an object's field (so an emptied optional field leaves the file).
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const node = (root ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown>;
  const next = setIn(node[key], rest, value);
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = next;
    return copy as T;
  }
  const copy = { ...node };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy as T;
}

/** Where the steps are kept: the presentation file's list, or the story's own. */
export function stepsPath(doc: Doc): Path {
  return doc.presentation ? ['presentation', 'steps'] : ['story', 'steps'];
}

export function stepsOf(doc: Doc): StepJson[] {
  return (getIn(doc, stepsPath(doc)) as StepJson[] | undefined) ?? [];
}

/** The story as the app's loader validates it: the presentation's steps put in. */
export function combined(doc: Doc): Record<string, unknown> {
  return doc.presentation ? { ...doc.story, steps: doc.presentation.steps } : doc.story;
}

/** A slug (file name, `?story=`) from any title. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'story';
}

/** The file names a story is published under. */
export function fileNames(doc: Doc): { story: string; article: string; presentation: string } {
  const slug = String(doc.story.id ?? 'story');
  const presentation = doc.story.presentation;
  return {
    story: `${slug}.json`,
    article: String(doc.story.article?.src ?? `${slug}.txt`),
    presentation:
      typeof presentation === 'string' && PRESENTATION_FILE.test(presentation)
        ? presentation
        : `${slug}.presentation.json`,
  };
}

/** A JSON file as the project writes them: two-space indent, a final newline. */
export function serialize(json: unknown): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The first line of an article, as its title (a pasted article usually starts with it). */
export function titleOf(article: string): string {
  const first = article.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.trim().slice(0, 120) || 'Untitled story';
}

/**
 * The date a new story opens at: the article's own date (its dateline), else the latest date it
 * gives, else today (an article that gives no date at all is taken to be news).
 */
export function storyDate(article: string): string {
  const latest = datesIn(article)
    .map((d) => d.date)
    .sort()
    .at(-1);
  return articleDate(article) ?? latest ?? today();
}

/**
 * A new document for an article: title and file names from its first line, its date from the
 * article, one role to start with, and an empty presentation file. It has no actor yet, which
 * the problem list says.
 */
export function newDoc(article: string, title = titleOf(article)): Doc {
  const slug = slugify(title);
  return {
    article,
    story: {
      $schema: '../story.schema.json',
      id: slug,
      title,
      asOf: storyDate(article),
      article: { src: `${slug}.txt`, title },
      credit: 'Map: Natural Earth via world-atlas.',
      roles: [{ id: 'named', label: 'Named in the article', color: '#1f6fb2' }],
      passages: [],
      actors: [],
      relations: [],
      events: [],
      presentation: `${slug}.presentation.json`,
    },
    presentation: { steps: [] },
  };
}

/** A new id for a collection: `base`, or `base-2`, `base-3`… when taken. */
export function freshId(taken: Iterable<string>, base: string): string {
  const ids = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '') || 'item';
  if (!ids.has(clean)) return clean;
  for (let n = 2; ; n++) if (!ids.has(`${clean}-${n}`)) return `${clean}-${n}`;
}
