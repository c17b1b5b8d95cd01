/**
 * Work that can wait one frame. A click should be answered by the next frame; whatever is not
 * needed to show that answer (restyling the whole map, content below the fold) is better done
 * right after that frame is painted than before it.
 */

/** Whether this environment paints at all (not on the server, not in unit tests under Node). */
export function canPaint(): boolean {
  return typeof requestAnimationFrame === 'function';
}

/** The Prioritized Task Scheduling API, where the browser has it (Chromium, Firefox). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

interface Waiting {
  run: () => void;
  cancelled: boolean;
}

/** What waits for the frame being prepared now; null when nothing has asked for it yet. */
let waiting: Waiting[] | null = null;

/** Posts `run` as a task of its own: at background priority where the browser can. */
function post(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) void scheduler.postTask(run, { priority: 'background' }).catch(() => {});
  else setTimeout(run, 0);
}

/** Runs once the frame is painted: the first waiting callback here, each of the others in a task of its own. */
function runAfterPaint(batch: Waiting[]): void {
  const live = batch.filter((entry) => !entry.cancelled);
  for (const entry of live.slice(1)) post(() => entry.cancelled || entry.run());
  live[0]?.run();
}

/**
 * Runs `callback` once the next frame has been painted: a task posted from a frame callback runs
 * after that frame's style, layout and paint. It is posted at background priority where the
 * browser can, so input and other work waiting at that moment go first. Where nothing paints it
 * runs at once. Returns a function that cancels it.
 *
 * Everything asked for while one frame is being prepared (a click asks from the selection, the
 * panel, the address…) shares one frame callback and one task posted from it, so the frame that
 * answers the click pays for one of each; the others are posted from that task, after the paint,
 * each in its own task, in the order they were asked for.
 */
export function afterNextPaint(callback: () => void): () => void {
  if (!canPaint()) {
    callback();
    return () => {};
  }
  const entry: Waiting = { run: callback, cancelled: false };
  if (!waiting) {
    const batch: Waiting[] = (waiting = []);
    requestAnimationFrame(() => {
      waiting = null;
      if (batch.some((e) => !e.cancelled)) post(() => runAfterPaint(batch));
    });
  }
  waiting.push(entry);
  return () => void (entry.cancelled = true);
}
