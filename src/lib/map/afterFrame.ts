/**
 * The next piece of a large map's drawing: in a task of its own once the frame before has been
 * painted, at the priority of what the reader waits for (unlike ui/paint's `afterNextPaint`,
 * which lets everything else go first). Returns a function that cancels it.
 */
import { yieldToMain } from '../core/story/slices';

export function afterFrame(callback: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() =>
    yieldToMain().then(() => {
      if (!cancelled) callback();
    }),
  );
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
