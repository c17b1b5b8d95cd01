/**
 * Parts of the page that come in chunks of their own, after the map, because nothing in them is
 * needed to see the map or to answer a click on it: the map's key and the start panel. No page
 * moves when they come: on the default story's page the first paint's pictures of them hold
 * their places until then (./firstPaint.ts, revealApp), and a page without those pictures
 * fetches them with its story (App.svelte), so that they are there at its first render.
 */

/** A part fetched once (again after a failure); `loaded()` is the part once it has come. */
export interface LazyPart<T> {
  load(): Promise<T>;
  loaded(): T | null;
  /** The first paint's picture of it, and its place in the live page (./firstPaint.ts). */
  picture: string;
  place: string;
}

export function lazyPart<T>(
  fetchPart: () => Promise<T>,
  where: { picture: string; place: string },
): LazyPart<T> {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  return {
    load: () =>
      (loading ??= fetchPart().then(
        (part) => (loaded = part),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
    loaded: () => loaded,
    ...where,
  };
}

/** The map's key (map/Legend.svelte). */
export const keyPart = lazyPart(() => import('../map/Legend.svelte').then((m) => m.default), {
  picture: '.first-paint-key',
  place: '[data-key-hold]',
});

/** What the reading panel shows before anything is selected (panel/StartPanel.svelte). */
export const startPart = lazyPart(
  () => import('../panel/StartPanel.svelte').then((m) => m.default),
  { picture: '.first-paint-panel', place: '[data-start-hold]' },
);
