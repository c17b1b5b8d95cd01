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
  postTask(
    callback: () => void,
    options: { priority: 'background'; signal?: AbortSignal },
  ): Promise<void>;
}

/**
 * Runs `callback` once the next frame has been painted: a task posted from a frame callback runs
 * after that frame's style, layout and paint. It is posted at background priority where the
 * browser can, so input and other work waiting at that moment go first. Where nothing paints it
 * runs at once. Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  if (!canPaint()) {
    callback();
    return () => {};
  }
  const abort = new AbortController();
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  const frame = requestAnimationFrame(() => {
    if (scheduler)
      scheduler
        .postTask(callback, { priority: 'background', signal: abort.signal })
        .catch(() => {});
    else {
      const timer = setTimeout(callback, 0);
      abort.signal.addEventListener('abort', () => clearTimeout(timer));
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    abort.abort();
  };
}
