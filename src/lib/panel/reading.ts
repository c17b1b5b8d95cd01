/**
 * What a reader needs only once they open something: the reading panel, the phone's bottom
 * sheet that holds it, and the whole-article dialog. The page loads this chunk after the map is drawn (see StoryPage), so it never delays
 * the first map.
 */
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import ReadingPanel from './ReadingPanel.svelte';
import ReadingSheet from './ReadingSheet.svelte';
import type { Target } from '../core/story/model';

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
