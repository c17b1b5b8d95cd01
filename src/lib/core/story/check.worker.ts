/**
 * A large story file checked off the page's thread (checkInWorker.ts starts it): its JSON is
 * parsed here, the page fetches the article the file names, and the whole check runs here, so
 * that neither a huge parse nor the schema over thousands of items freezes the page. What comes
 * back is plain data: the checked story (as the build writes it), or its errors.
 */
import { cloneable, parseStoryInSlices, type CheckPhase, type StoryError } from './validate';
import { datePaths, type CheckedFile } from './checked';

export type ToWorker = { text: string } | { article: string };
export type FromWorker =
  | { kind: 'parsed'; src: unknown; presentation: unknown }
  | { kind: 'not-json'; message: string }
  | { kind: 'phase'; phase: CheckPhase }
  | { kind: 'checked'; result: Checked };

/**
 * The check's result as it crosses to the page: a story in its checked form (dates as written,
 * and where they are: the form the build writes, which the page revives), or its errors.
 */
export type Checked = { ok: true; file: CheckedFile } | { ok: false; errors: StoryError[] };

const isStoryDate = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { toJSON?: unknown }).toJSON === 'function';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};
let json: unknown;
scope.onmessage = async ({ data }) => {
  if ('text' in data) {
    try {
      json = JSON.parse(data.text);
    } catch (error) {
      scope.postMessage({ kind: 'not-json', message: (error as Error).message });
      return;
    }
    const story = json as { article?: { src?: unknown }; presentation?: unknown } | null;
    scope.postMessage({
      kind: 'parsed',
      src: story?.article?.src,
      presentation: story?.presentation,
    });
    return;
  }
  const result = await parseStoryInSlices(json, data.article, {
    onPhase: (phase) => scope.postMessage({ kind: 'phase', phase }),
    pause: () => Promise.resolve(),
  });
  scope.postMessage({
    kind: 'checked',
    result: result.ok
      ? {
          ok: true,
          file: {
            dates: [...datePaths(result.story, isStoryDate)],
            story: JSON.parse(JSON.stringify(result.story)) as Record<string, unknown>,
          },
        }
      : { ok: false, errors: result.errors.map(cloneable) },
  });
};
