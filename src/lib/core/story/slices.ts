/**
 * Long work cut into slices, with the main thread handed back between them, so that a story
 * with thousands of items never freezes the page: input, paint and progress messages get their
 * turn. Pure apart from the yield itself (scheduler.yield where the browser has it, otherwise a
 * MessageChannel task, which runs sooner than a 4 ms-clamped timeout).
 */

/** Resolves in a later task, after the browser has had its turn. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((ok) => setTimeout(ok, 0));
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      ok();
    };
    channel.port2.postMessage(null);
  });
}

/** The [start, end) bounds of `count` items cut into slices of at most `size`. */
export function sliceBounds(count: number, size: number): [number, number][] {
  if (!(size >= 1)) throw new RangeError(`slice size must be at least 1, not ${size}`);
  const bounds: [number, number][] = [];
  for (let start = 0; start < count; start += size)
    bounds.push([start, Math.min(count, start + size)]);
  return bounds;
}

export interface SliceOptions {
  /** Items per slice. */
  size: number;
  /** Stops between slices (the rejection is the signal's reason). */
  signal?: AbortSignal;
  /** Told after each slice how many items are done. */
  onProgress?: (done: number, total: number) => void;
  /** How to hand the thread back (tests pass an immediate one). */
  pause?: () => Promise<void>;
}

/** `fn` on every item, in order, a slice at a time with the thread handed back between slices. */
export async function eachInSlices<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
  { size, signal, onProgress, pause = yieldToMain }: SliceOptions,
): Promise<void> {
  const bounds = sliceBounds(items.length, size);
  for (const [i, [start, end]] of bounds.entries()) {
    signal?.throwIfAborted();
    for (let at = start; at < end; at++) fn(items[at]!, at);
    onProgress?.(end, items.length);
    if (i < bounds.length - 1) await pause();
  }
}
