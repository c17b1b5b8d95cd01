/**
 * The code a newsroom pastes into an article to show the current view of the map (story, date,
 * selection): an iframe sized by the embed script, or the `<alliance-map>` element. Both load a
 * script file rather than inline code, so they work on a page with a strict Content Security
 * Policy; the iframe also carries a sensible height for readers whose browsers block scripts.
 */
import { formatHash } from '../state/route';
import type { Target } from '../core/story/model';

export interface EmbedView {
  /** The app's folder, ending in "/": it holds index.html, alliance-map.js and stories/. */
  base: string;
  /** The story's slug, as in `?story=`. */
  story: string;
  /** The map's date (YYYY-MM-DD), or null for the story's own date. */
  date: string | null;
  selection: Target | null;
  /** The story's title, for the iframe's accessible name. */
  title: string;
}

/** Height of the iframe until the script has measured the map: about right at article widths. */
export const FALLBACK_HEIGHT = 760;

/** The child id the embed script and pym.js use to address the map's messages. */
export function childIdFor(story: string): string {
  return `alliance-map-${story}`;
}

/** The address of the embedded map, e.g. `…/?story=x&mode=embed&childId=…#/actor/RUS`. */
export function embedUrl(view: EmbedView): string {
  const url = new URL(view.base);
  url.search = '';
  url.searchParams.set('story', view.story);
  url.searchParams.set('mode', 'embed');
  if (view.date) url.searchParams.set('date', view.date);
  url.searchParams.set('childId', childIdFor(view.story));
  url.hash = formatHash(view.selection);
  return url.href;
}

/** The address of the script that sizes the iframe and defines `<alliance-map>`. */
export function scriptUrl(view: EmbedView): string {
  return new URL('alliance-map.js', view.base).href;
}

/** `<iframe>` plus the script that keeps its height equal to the map's. */
export function iframeSnippet(view: EmbedView): string {
  const attributes = [
    `src="${escapeAttribute(embedUrl(view))}"`,
    `title="${escapeAttribute(`Interactive map: ${view.title}`)}"`,
    'width="100%"',
    `height="${FALLBACK_HEIGHT}"`,
    'loading="lazy"',
    'allow="fullscreen"',
    'data-alliance-map',
  ];
  return `<iframe ${attributes.join(' ')}></iframe>\n<script type="module" src="${escapeAttribute(scriptUrl(view))}"></script>`;
}

/** The script and the `<alliance-map>` element showing the same view. */
export function elementSnippet(view: EmbedView): string {
  const attributes = [`story="${escapeAttribute(view.story)}"`];
  if (view.date) attributes.push(`date="${escapeAttribute(view.date)}"`);
  if (view.selection)
    attributes.push(
      `selection="${escapeAttribute(formatHash(view.selection).replace(/^#\//, ''))}"`,
    );
  return `<script type="module" src="${escapeAttribute(scriptUrl(view))}"></script>\n<alliance-map ${attributes.join(' ')}></alliance-map>`;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
