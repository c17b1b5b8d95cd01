/**
 * A lazy part (./parts.ts) in its place in a component: null until it has come. Where the first
 * paint's picture of it holds its place (the default story's page) it is fetched once the map is
 * painted; otherwise it came with the story (App.svelte), or is fetched at once. A failed load
 * is `failed`, and `retry()` fetches it again. Call while the component is created.
 */
import { untrack } from 'svelte';
import { afterNextPaint } from '../ui/paint';
import { pictureOf } from './firstPaint';
import type { LazyPart } from './parts';

export interface PlacedPart<T> {
  readonly component: T | null;
  readonly failed: boolean;
  retry(): void;
}

export function placedPart<T>(
  part: LazyPart<T>,
  /** Whether the page shows the part now (read in an effect: it may change). */
  wanted: () => boolean,
  /** Whether the map has been drawn. */
  mapReady: () => boolean,
): PlacedPart<T> {
  let component = $state.raw(part.loaded());
  let failed = $state(false);
  let attempt = $state(0);
  const held = untrack(() => component === null && pictureOf(part) !== null);
  $effect(() => {
    void attempt;
    if (component || !wanted()) return;
    const fetchPart = () =>
      void part.load().then(
        (loaded) => (component = loaded),
        () => (failed = true),
      );
    if (!held) return fetchPart();
    if (!mapReady()) return;
    return afterNextPaint(fetchPart);
  });
  return {
    get component() {
      return component;
    },
    get failed() {
      return failed;
    },
    retry() {
      failed = false;
      attempt++;
    },
  };
}
