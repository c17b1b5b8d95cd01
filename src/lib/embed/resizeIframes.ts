/**
 * The host page's half of the iframe embed, run by `alliance-map.js`: keeps every
 * `<iframe data-alliance-map>` exactly as tall as the map inside it by reading the map's pym.js
 * height messages, and tells each map its width on load and on resize, as pym.js's `Parent`
 * does. Messages are matched to iframes by the window that sent them, so several maps (and other
 * pym.js embeds) can share a page; all this ever changes is an iframe's size and border.
 */
import { childIdOf, parsePixels, parsePymMessage, pymMessage } from './pym';

const SELECTOR = 'iframe[data-alliance-map]';
/** A height beyond any map: a message claiming more is not to be trusted. */
const MAX_HEIGHT = 20_000;

/** Starts sizing the page's map iframes, now and as they load; returns a function to stop. */
export function sizeIframes(doc: Document = document): () => void {
  const win = doc.defaultView;
  const frames = () => [...doc.querySelectorAll<HTMLIFrameElement>(SELECTOR)];

  const prepare = (iframe: HTMLIFrameElement) => {
    // Set through the CSSOM, which a strict style-src allows (a style attribute it would not).
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
  };
  const sendWidth = (iframe: HTMLIFrameElement) => {
    const id = childIdOf(iframe.src);
    if (id)
      iframe.contentWindow?.postMessage(pymMessage(id, 'width', String(iframe.offsetWidth)), '*');
  };

  const onMessage = (event: MessageEvent) => {
    if (!event.source) return;
    const iframe = frames().find((frame) => frame.contentWindow === event.source);
    const id = iframe ? childIdOf(iframe.src) : null;
    if (!iframe || !id) return;
    const message = parsePymMessage(event.data, id);
    const height = message?.type === 'height' ? parsePixels(message.value) : null;
    if (height !== null && height <= MAX_HEIGHT) iframe.style.height = `${height}px`;
  };
  // `load` does not bubble, but it can be caught on its way down to an iframe added at any time.
  const onLoad = (event: Event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.matches(SELECTOR)) {
      prepare(event.target);
      sendWidth(event.target);
    }
  };
  const onResize = () => frames().forEach(sendWidth);

  win?.addEventListener('message', onMessage);
  win?.addEventListener('resize', onResize);
  doc.addEventListener('load', onLoad, true);
  // Maps that loaded before this script answer the width with their height.
  for (const iframe of frames()) {
    prepare(iframe);
    sendWidth(iframe);
  }
  return () => {
    win?.removeEventListener('message', onMessage);
    win?.removeEventListener('resize', onResize);
    doc.removeEventListener('load', onLoad, true);
  };
}
