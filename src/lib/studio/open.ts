/**
 * Where a studio document comes from: a story the app serves (`?story=`), files the editor
 * drops or chooses (a story `.json` with its `.txt`, and its presentation file), or pasted text.
 * The JSON is kept exactly as read, so exporting it again without edits gives the same story.
 */
import { newDoc, type Doc, type PresentationJson, type StoryJson } from './draft';

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  if (!response.ok || html) throw new Error(`${url.split('/').pop()} was not found`);
  return response.text();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The published story `slug` as a document: its JSON, article and presentation file. */
export async function fetchStory(slug: string, base: string): Promise<Doc> {
  const url = (file: string) => new URL(`stories/${file}`, base).href;
  const story = JSON.parse(await text(url(`${slug}.json`))) as unknown;
  if (!isObject(story)) throw new Error(`${slug}.json is not a story file`);
  const src = (story['article'] as { src?: unknown } | undefined)?.src;
  const article = typeof src === 'string' ? await text(url(src)) : '';
  const file = story['presentation'];
  const presentation =
    typeof file === 'string' ? (JSON.parse(await text(url(file))) as PresentationJson) : null;
  return { story: story as StoryJson, article, presentation };
}

/**
 * A document from files: one `.txt` alone starts a new story from that article; a story `.json`
 * needs its `.txt` beside it (and its presentation `.json` when it names one).
 */
export async function docFromFiles(files: readonly File[]): Promise<Doc> {
  const texts = files.filter((f) => f.name.endsWith('.txt'));
  const jsons = await Promise.all(
    files
      .filter((f) => f.name.endsWith('.json'))
      .map(async (f) => ({ name: f.name, json: JSON.parse(await f.text()) as unknown })),
  );
  const story = jsons.find((j) => isObject(j.json) && 'actors' in j.json);
  if (!story) {
    const [first] = texts;
    if (!first) throw new Error('Choose an article (.txt) or a story (.json) with its article.');
    return newDoc(await first.text());
  }
  const json = story.json as StoryJson;
  const src = json.article?.src;
  const article = texts.find((f) => f.name === src) ?? texts[0];
  if (!article) throw new Error(`Choose the article “${String(src)}” too.`);
  const named = json.presentation;
  let presentation: PresentationJson | null = null;
  if (typeof named === 'string') {
    const file = jsons.find((j) => j.name === named);
    if (!file) throw new Error(`Choose the presentation “${named}” too.`);
    presentation = file.json as PresentationJson;
  }
  return { story: json, article: await article.text(), presentation };
}
