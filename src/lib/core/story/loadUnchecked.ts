/**
 * The loading path of a story the build did not check (`?story=` of another file, a
 * presentation, the studio's): fetched with its article and presentation file, and validated
 * here, in slices or in a worker when it is large. A chunk of its own: the page's first
 * download, for a story the build checked (./load.ts), does without it.
 */
import type { StoryError, StoryResult } from './validate';
import { yieldToMain } from './slices';
import type { Story } from './schema';
import { ARTICLE_FILE, PRESENTATION_FILE } from './files';
import type { Checker } from './checkInWorker';
import {
  fetchText,
  fileError,
  LARGE_STORY_BYTES,
  type LoadOptions,
  type LoadProgress,
  type LoadResult,
} from './load';

type Json = Record<string, unknown>;
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

/**
 * Loads `stories/<slug>.json` relative to `base`, then the article it names (and, if asked, its
 * presentation), and validates them together.
 */
export async function loadUnchecked(
  slug: string,
  base: string,
  { signal, presentation = false, onProgress }: LoadOptions = {},
): Promise<LoadResult> {
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

/** `loadPresentation` (./load.ts): the story validated again with its presentation's steps. */
export async function loadPresentationSteps(
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
