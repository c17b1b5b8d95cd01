/**
 * What a reader needs only once they open something: the reading panel, the phone's bottom
 * sheet that holds it, and the whole-article dialog. The page loads this chunk after the map is drawn (see StoryPage), so it never delays
 * the first map.
 */
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import ReadingPanel from './ReadingPanel.svelte';
import ReadingSheet from './ReadingSheet.svelte';
import type { Target } from '../core/story/model';
import type { AppState } from '../state/app.svelte';
import { startActors } from './startActors';

export { ReadingPanel, ReadingSheet };
export { default as ArticleDialog } from './ArticleDialog.svelte';

/**
 * Renders the sheet and the panel for `target` once and throws them away, all in one task: in
 * the page (`within`: the `<alliance-map>` element's shadow root, never its host page) but
 * invisible and outside its layout, so nothing can see or reach it. The first click
 * then clones templates already parsed, runs code already compiled and sets text in fonts
 * already loaded: done in the frame that answers that click, the three took longer than
 * everything else in it.
 */
export function warmUp(
  context: Map<symbol, unknown>,
  target: Target,
  within: ParentNode = document.body,
): void {
  const place = document.createElement('div');
  place.style.cssText =
    'position:absolute;top:0;left:0;width:400px;contain:strict;visibility:hidden;pointer-events:none';
  within.append(place);
  const empty = createRawSnippet(() => ({ render: () => '<div></div>' }));
  const rendered = [
    mount(ReadingSheet, { target: place, props: { sheet: true, children: empty }, context }),
    mount(ReadingPanel, { target: place, props: { target }, context }),
  ];
  flushSync();
  void place.offsetHeight; // lays the text out
  for (const component of rendered) void unmount(component);
  place.remove();
}

/**
 * Draws ahead of time, as above, the panels a reader is likeliest to open first: the start
 * panel's shortcuts, the actors with the most relations on the map today. The first at once,
 * each of the others in a task of its own, so that a click is never kept waiting behind more
 * than one; it stops once something is open (its own panel is then drawn for real). Returns
 * what stops it.
 */
export function warmUpLikely(
  context: Map<symbol, unknown>,
  app: AppState,
  within: ParentNode = document.body,
): () => void {
  const targets = startActors(app.scene).map((actor): Target => ({ kind: 'actor', id: actor.id }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = (i: number) => {
    const target = targets[i];
    if (!target || app.selection) return;
    warmUp(context, target, within);
    timer = setTimeout(() => next(i + 1), 0);
  };
  next(0);
  return () => clearTimeout(timer);
}
