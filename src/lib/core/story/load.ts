/**
 * Fetches a story file, its article and (for a presentation) its steps from the app's own
 * origin, and validates them together. Every failure becomes a `StoryError` the page can show;
 * nothing here throws. A story the build has checked already (scripts/checked-stories.ts) is
 * read from its checked form instead, without the validator, which is then never downloaded.
 */
import { CHECKED } from 'virtual:checked-stories';
import type { CheckPhase, StoryError } from './validate';
import type { Story } from './schema';
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

export async function fetchText(
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

/** A problem with a whole file (not found, not JSON), before any field can be named. */
export function fileError(where: string, message: string): StoryError {
  return { where, message, path: [] };
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
 * Any other story's path (./loadUnchecked.ts) is a chunk of its own, which the page's first
 * download, for a story the build checked, does without.
 */
export async function loadStory(
  slug: string,
  base: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const checked = options.presentation ? undefined : CHECKED[slug];
  if (checked) {
    const key = `${base} ${slug}`;
    const started = early.get(key);
    early.delete(key); // a later load (a retry, another page) fetches afresh
    return started ?? loadChecked(slug, checked, base, options.signal);
  }
  const { loadUnchecked } = await import('./loadUnchecked');
  return loadUnchecked(slug, base, options);
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
  const { loadPresentationSteps } = await import('./loadUnchecked');
  return loadPresentationSteps(slug, story, article, base, signal);
}
