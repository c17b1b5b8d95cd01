/**
 * The map's key (Legend.svelte) comes in a chunk of its own, after the map, as nothing in it is
 * needed to see the map or answer a click on it. No page moves when it comes: on the default
 * story's page the first paint's picture of the key stands in its place until then
 * (app/firstPaint.ts, revealApp), and a page without that picture loads it with its story
 * (App.svelte), so that it is there at the page's first render.
 */
type Key = typeof import('./Legend.svelte').default;

let loading: Promise<Key> | null = null;
let loaded: Key | null = null;

/** The key's component if it has come, else null. */
export const loadedKey = (): Key | null => loaded;

/** Fetches the key's chunk (once; again after a failure). */
export function loadKey(): Promise<Key> {
  loading ??= import('./Legend.svelte').then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
