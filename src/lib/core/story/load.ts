/**
 * Fetches a story file, its article and (for a presentation) its steps from the app's own
 * origin, and validates them together. Every failure becomes a `StoryError` the page can show;
 * nothing here throws. A story the build has checked already (scripts/checked-stories.ts) is
 * read from its checked form instead, without the validator, which is then never downloaded.
 */
import { CHECKED } from 'virtual:checked-stories';
import type { CheckPhase, StoryError, StoryResult } from './validate';
import { yieldToMain } from './slices';
import type { Story } from './schema';
import { ARTICLE_FILE, PRESENTATION_FILE } from './files';
import type { Checker } from './checkInWorker';
import {
  fillReadingTexts,
  reviveStory,
  type CheckedFile,
  type CheckedStory,
  type ReadingTexts,
} from './checked';

/**
 * The article's text, fetched the first time it is asked for. For a story the build checked it
 * also brings the story's reading texts (passages, notes, sources), which the first download
 * leaves out: ask for it before showing them.
 */
export type ArticleLoader = () => Promise<string>;

export type LoadResult =
  { ok: true; story: Story; article: ArticleLoader } | { ok: false; errors: StoryError[] };

/** How far a load has come: bytes of the story file so far, then the check's phases. */
export type LoadProgress =
  { phase: 'download'; loaded: number; total: number | null } | { phase: CheckPhase };

/** From this size on a story file is checked in slices, with progress shown. */
export const LARGE_STORY_BYTES = 256 * 1024;
/** The largest story file the app opens: beyond it, a message instead of minutes of work. */
export const MAX_STORY_BYTES = 64 * 1024 * 1024;

async function fetchText(
  url: string,
  what: string,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<string> {
  const response = await fetch(url, { signal });
  // A single-page host answers a missing file with its index page: that is a "not found" too.
  const servedPage = (response.headers.get('content-type') ?? '').includes('text/html');
  if (response.status === 404 || servedPage) throw new Error(`${what} was not found (404)`);
  if (!response.ok)
    throw new Error(
      `${what} could not be loaded: ${response.status} ${response.statusText || ''}`.trim(),
    );
  const length = Number(response.headers.get('content-length')) || null;
  if (length !== null && length > MAX_STORY_BYTES)
    throw new Error(
      `${what} is ${megabytes(length)}: the map opens story files of up to ${megabytes(MAX_STORY_BYTES)}`,
    );
  // A small file (as most are) is read whole; a large one, or one of unknown size, as it comes.
  if (!onProgress || !response.body || (length !== null && length < LARGE_STORY_BYTES / 2))
    return response.text();
  // Read as it arrives, saying how much has come, and stop at the limit whatever the headers say.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let loaded = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    loaded += chunk.value.byteLength;
    if (loaded > MAX_STORY_BYTES) {
      await reader.cancel();
      throw new Error(
        `${what} is over ${megabytes(MAX_STORY_BYTES)}: the map opens story files of up to that size`,
      );
    }
    text += decoder.decode(chunk.value, { stream: true });
    // A compressed transfer's length is not the text's: then the total is not known. A file
    // that turns out small says nothing: it is loaded before a message could be read.
    if (loaded >= LARGE_STORY_BYTES / 2)
      onProgress({
        phase: 'download',
        loaded,
        total: length !== null && loaded <= length ? length : null,
      });
  }
  return text + decoder.decode();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

type Json = Record<string, unknown>;

/** A problem with a whole file (not found, not JSON), before any field can be named. */
function fileError(where: string, message: string): StoryError {
  return { where, message, path: [] };
}
type Fetched = { ok: true; json: Json } | { ok: false; errors: StoryError[] };

/**
 * The story's JSON with the steps of its presentation file (`presentation`) put in. A story
 * without such a file comes back as it is (its steps, if any, are written inline).
 */
async function withPresentation(
  json: Json,
  where: string,
  base: string,
  signal?: AbortSignal,
): Promise<Fetched> {
  const file = json['presentation'];
  // A malformed name is left for the schema to report, with the story file's own path.
  if (typeof file !== 'string' || !PRESENTATION_FILE.test(file)) return { ok: true, json };
  if (Array.isArray(json['steps']) && json['steps'].length > 0) {
    return {
      ok: false,
      errors: [
        {
          where: `${where} → presentation`,
          message: 'the steps are also written in the story file; keep them in one place',
        },
      ],
    };
  }
  const path = `stories/${file}`;
  let steps: unknown;
  try {
    const text = await fetchText(new URL(path, base).href, `The presentation “${file}”`, signal);
    try {
      steps = (JSON.parse(text) as Json | null)?.['steps'];
    } catch (error) {
      return {
        ok: false,
        errors: [fileError(path, `is not valid JSON (${(error as Error).message})`)],
      };
    }
  } catch (error) {
    return {
      ok: false,
      errors: [{ where: `${where} → presentation`, message: (error as Error).message }],
    };
  }
  if (!Array.isArray(steps))
    return {
      ok: false,
      errors: [fileError(path, 'must be a JSON object with a "steps" list')],
    };
  return { ok: true, json: { ...json, steps } };
}

/** Validates the story, naming the file each error is in (steps may come from their own file). */
async function validate(
  json: unknown,
  article: string,
  file: string,
  onProgress?: (progress: LoadProgress) => void,
): Promise<LoadResult> {
  // The validator (valibot and the reference checks) is its own chunk: checked stories never
  // need it. A large story is checked a phase per task and handed over in a task of its own, so
  // that neither the check nor the first drawing of the map freezes the page for long.
  const { parseStory, parseStoryInSlices } = await import('./validate');
  const result = onProgress
    ? await parseStoryInSlices(json, article, { onPhase: (phase) => onProgress({ phase }) })
    : parseStory(json, article);
  if (onProgress) await yieldToMain();
  // Any JSON value may arrive here (`null`, a list): only an object can name a presentation.
  return outcome(result, article, file, isJson(json) ? json['presentation'] : undefined);
}

/** A check's result as the page takes it: the story, or its errors in plain words. */
async function outcome(
  result: StoryResult,
  article: string,
  file: string,
  presentationFile: unknown,
): Promise<LoadResult> {
  if (result.ok) return { ...result, article: () => Promise.resolve(article) };
  // The fuller messages are only needed, and only downloaded, when something is wrong.
  const { explainErrors } = await import('./messages');
  const errors = explainErrors(result.errors, article);
  const presentation = typeof presentationFile === 'string' ? `stories/${presentationFile}` : file;
  return {
    ok: false,
    errors: errors.map((e) => ({
      ...e,
      where: `${e.path?.[0] === 'steps' ? presentation : file}: ${e.where}`,
    })),
  };
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Fetch the presentation's steps too (presentation and presenter modes). */
  presentation?: boolean;
  /** Told how far the load has come, for a large story (see `LARGE_STORY_BYTES`). */
  onProgress?: (progress: LoadProgress) => void;
}

/** A story the build checked; its reading texts and article come when first asked for. */
async function loadChecked(
  slug: string,
  checked: CheckedStory,
  base: string,
  signal?: AbortSignal,
): Promise<LoadResult> {
  const file = `stories/${slug}.json`;
  try {
    const text = await fetchText(new URL(checked.file, base).href, `The story “${slug}”`, signal);
    const story = reviveStory(JSON.parse(text) as CheckedFile);
    let reading: Promise<string> | null = null;
    const article = () =>
      (reading ??= Promise.all([
        fetchText(new URL(checked.texts, base).href, `The passages of “${slug}”`),
        fetchText(new URL(checked.article, base).href, `The article of “${slug}”`),
      ]).then(
        ([texts, article]) => {
          fillReadingTexts(story, JSON.parse(texts) as ReadingTexts);
          return article;
        },
        (error: unknown) => {
          reading = null; // asked again (Try again), it fetches afresh
          throw error;
        },
      ));
    return { ok: true, story, article };
  } catch (error) {
    return { ok: false, errors: [fileError(file, (error as Error).message)] };
  }
}

/** Loads of checked stories begun before the page asked for them (`prefetchStory`). */
const early = new Map<string, Promise<LoadResult>>();

/**
 * Starts loading a story the build has checked now, before the app is mounted, so that its
 * download overlaps the app's start; the first `loadStory` of it takes the result.
 */
export function prefetchStory(slug: string, base: string): void {
  const checked = CHECKED[slug];
  const key = `${base} ${slug}`;
  if (!checked || early.has(key)) return;
  early.set(key, loadChecked(slug, checked, base));
}

/**
 * Loads `stories/<slug>.json` relative to `base`, then the article it names (and, if asked, its
 * presentation), and validates them together; a story the build checked comes ready to use.
 */
export async function loadStory(
  slug: string,
  base: string,
  { signal, presentation = false, onProgress }: LoadOptions = {},
): Promise<LoadResult> {
  const checked = presentation ? undefined : CHECKED[slug];
  if (checked) {
    const key = `${base} ${slug}`;
    const started = early.get(key);
    early.delete(key); // a later load (a retry, another page) fetches afresh
    return started ?? loadChecked(slug, checked, base, signal);
  }
  const file = `stories/${slug}.json`;
  let json: unknown;
  let large: boolean;
  try {
    const text = await fetchText(
      new URL(file, base).href,
      `The story “${slug}”`,
      signal,
      onProgress,
    );
    large = text.length >= LARGE_STORY_BYTES;
    if (large && !presentation) {
      const checked = await checkOffThread(text, base, file, signal, onProgress);
      if (checked) return checked;
    }
    try {
      json = JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        errors: [fileError(file, `is not valid JSON (${(error as Error).message})`)],
      };
    }
  } catch (error) {
    return { ok: false, errors: [fileError(file, (error as Error).message)] };
  }
  const src = (json as { article?: { src?: unknown } })?.article?.src;
  // The article and the presentation are fetched side by side.
  const [article, steps] = await Promise.all([
    fetchArticle(src, base, file, signal),
    presentation && isJson(json)
      ? withPresentation(json, file, base, signal)
      : Promise.resolve({ ok: true as const, json }),
  ]);
  if (!article.ok) return article;
  if (!steps.ok) return steps;
  return validate(steps.json, article.text, file, large ? onProgress : undefined);
}

/** The article a story file names (`src`), or the error to show; none named: no text. */
function fetchArticle(
  src: unknown,
  base: string,
  file: string,
  signal?: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; errors: StoryError[] }> {
  if (typeof src !== 'string' || !ARTICLE_FILE.test(src))
    return Promise.resolve({ ok: true, text: '' });
  return fetchText(new URL(`stories/${src}`, base).href, `The article “${src}”`, signal).then(
    (text) => ({ ok: true as const, text }),
    (error: Error) => ({
      ok: false as const,
      errors: [{ where: `${file} → article → src`, message: error.message }],
    }),
  );
}

/**
 * A large story file parsed and checked in a worker (check.worker.ts), while the page stays
 * free: the article it names is fetched meanwhile. Null where no worker could do it (an embed
 * on another origin, a worker that failed): the page then checks it itself, a phase per task.
 */
async function checkOffThread(
  text: string,
  base: string,
  file: string,
  signal?: AbortSignal,
  onProgress?: (progress: LoadProgress) => void,
): Promise<LoadResult | null> {
  if (typeof Worker === 'undefined') return null;
  let checker: Checker;
  try {
    const { checkInWorker } = await import('./checkInWorker');
    checker = checkInWorker(text, (phase) => onProgress?.({ phase }));
  } catch {
    return null;
  }
  try {
    const parsed = await checker.parsed();
    if (parsed.kind === 'not-json')
      return { ok: false, errors: [fileError(file, `is not valid JSON (${parsed.message})`)] };
    const article = await fetchArticle(parsed.src, base, file, signal);
    if (!article.ok) return article;
    const result = await checker.check(article.text);
    // The page is drawn in a task of its own, not the one that took the checked story in.
    await yieldToMain();
    return await outcome(result, article.text, file, parsed.presentation);
  } catch {
    return null;
  } finally {
    checker.close();
  }
}

/**
 * Adds the presentation's steps to a story loaded without them (the reader pressed Present).
 * The whole story is validated again with them, so a step can only name what the story has.
 */
export async function loadPresentation(
  slug: string,
  story: Story,
  article: string,
  base: string,
  signal?: AbortSignal,
): Promise<LoadResult> {
  const file = `stories/${slug}.json`;
  // Back to the file's form (dates as written) so the schema can read it again.
  const json = JSON.parse(JSON.stringify(story)) as Json;
  const steps = await withPresentation(json, file, base, signal);
  if (!steps.ok) return steps;
  return validate(steps.json, article, file);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
