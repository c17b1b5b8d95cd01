/**
 * The page's side of check.worker.ts: hands a large story file's text to the worker, and its
 * article once fetched, and gives back what the worker found. Loaded only for a large story
 * (load.ts), so the reader's page carries none of it otherwise.
 */
import type { CheckPhase, StoryResult } from './validate';
import type { FromWorker, ToWorker } from './check.worker';
import { reviveStory } from './checked';

export type Parsed =
  { kind: 'parsed'; src: unknown; presentation: unknown } | { kind: 'not-json'; message: string };

export interface Checker {
  /** The file parsed: what it names (its article, its presentation), or why it is not JSON. */
  parsed(): Promise<Parsed>;
  /** The story checked against its article. */
  check(article: string): Promise<StoryResult>;
  close(): void;
}

/**
 * Starts checking `text` in a worker. Throws where no worker can start (a page that runs the app
 * from another origin, as an embed does); rejects when the worker fails on the way.
 */
export function checkInWorker(text: string, onPhase: (phase: CheckPhase) => void): Checker {
  const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  const replies: FromWorker[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (data.kind === 'phase') onPhase(data.phase);
    else replies.push(data);
    wake?.();
  };
  worker.onerror = (event) => {
    failure = new Error(event.message || 'the story could not be checked in a worker');
    wake?.();
  };
  const reply = async (): Promise<FromWorker> => {
    while (!replies.length) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return replies.shift()!;
  };
  const send = (message: ToWorker) => worker.postMessage(message);
  send({ text });
  return {
    parsed: () => reply() as Promise<Parsed>,
    async check(article) {
      send({ article });
      const answer = await reply();
      if (answer.kind !== 'checked') throw new Error(`unexpected answer: ${answer.kind}`);
      const { result } = answer;
      return result.ok ? { ok: true, story: reviveStory(result.file) } : result;
    },
    close: () => worker.terminate(),
  };
}
