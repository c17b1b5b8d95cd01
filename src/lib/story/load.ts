/**
 * Fetches a story file and its article from the app's own origin and validates them.
 * Every failure becomes a `StoryError` the page can show; nothing here throws.
 */
import { parseStory, type StoryError } from './validate';
import type { Story } from './schema';

export type LoadResult = { ok: true; story: Story; article: string } | { ok: false; errors: StoryError[] };

async function fetchText(url: string, what: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal });
  // A single-page host answers a missing file with its index page: that is a "not found" too.
  const servedPage = (response.headers.get('content-type') ?? '').includes('text/html');
  if (response.status === 404 || servedPage) throw new Error(`${what} was not found (404)`);
  if (!response.ok) throw new Error(`${what} could not be loaded: ${response.status} ${response.statusText || ''}`.trim());
  return response.text();
}

/** Loads `stories/<slug>.json` relative to `base`, then the article it names, and validates both. */
export async function loadStory(slug: string, base: string, signal?: AbortSignal): Promise<LoadResult> {
  const file = `stories/${slug}.json`;
  let json: unknown;
  try {
    const text = await fetchText(new URL(file, base).href, `The story “${slug}”`, signal);
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { ok: false, errors: [{ where: file, message: `is not valid JSON (${(error as Error).message})` }] };
    }
  } catch (error) {
    return { ok: false, errors: [{ where: file, message: (error as Error).message }] };
  }
  const src = (json as { article?: { src?: unknown } })?.article?.src;
  let article = '';
  if (typeof src === 'string' && /^[a-z0-9][a-z0-9._-]*\.txt$/.test(src)) {
    try {
      article = await fetchText(new URL(`stories/${src}`, base).href, `The article “${src}”`, signal);
    } catch (error) {
      return { ok: false, errors: [{ where: `${file} → article → src`, message: (error as Error).message }] };
    }
  }
  const result = parseStory(json, article);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ ...e, where: `${file}: ${e.where}` })) };
  return { ...result, article };
}
