/**
 * `alliance-map.js`, the one script a host page loads. It keeps every `<iframe data-alliance-map>`
 * as tall as its map, and defines `<alliance-map story="…" mode="…" date="…" selection="…">`,
 * which draws the map in its own shadow root — the host page's styles do not reach in, its
 * styles do not leak out — with data, code and styles loaded from next to this script. The app
 * itself is fetched only when an element appears. Each element has its own state and selection,
 * announces it as an `alliance-map:select` event, and never touches the host page's address.
 */
import { sizeIframes } from './lib/embed/resizeIframes';
import type { MountedMap } from './mountApp';

/** The folder this script was served from: the app's data and chunks are beside it. */
const HERE = new URL(/* @vite-ignore */ './', import.meta.url).href;
const STYLESHEET = new URL(/* @vite-ignore */ 'alliance-map.css', import.meta.url).href;

/** Modes the element supports; presentation drives the page's address and full screen. */
function elementMode(value: string | null): string {
  return value === null || value === 'present' || value === 'presenter' ? 'embed' : value;
}

function registerRemProperty(): void {
  try {
    CSS.registerProperty({
      name: '--alliance-map-rem',
      syntax: '<length>',
      inherits: true,
      initialValue: '16px',
    });
  } catch {
    // Already registered (the script was included twice).
  }
}

class AllianceMapElement extends HTMLElement {
  static observedAttributes = ['story', 'mode', 'date', 'selection'];

  #root: ShadowRoot;
  #map: MountedMap | null = null;
  /** Bumped on every render and disconnect, so a slow load never mounts a stale view. */
  #generation = 0;
  #renderQueued = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // In-page links ("Skip the map") move focus inside the element, not the host page's hash.
    this.#root.addEventListener('click', (event) => {
      const link = event
        .composedPath()
        .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
      const href = link?.getAttribute('href');
      if (!href?.startsWith('#')) return;
      event.preventDefault();
      const target = this.#root.getElementById(decodeURIComponent(href.slice(1)));
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  }

  connectedCallback(): void {
    this.#queueRender();
  }

  disconnectedCallback(): void {
    this.#generation++;
    this.#map?.destroy();
    this.#map = null;
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return;
    if (name === 'selection' && this.#map) this.#map.select(value);
    else this.#queueRender();
  }

  /** Several attributes set in one go make one render. */
  #queueRender(): void {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.isConnected) void this.#render();
    });
  }

  async #render(): Promise<void> {
    const generation = ++this.#generation;
    this.#map?.destroy();
    this.#map = null;

    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    // A section scopes the app's header and footer to the map: the host page keeps its own
    // banner and contentinfo landmarks.
    const wrapper = document.createElement('section');
    wrapper.className = 'alliance-map';
    const loading = document.createElement('p');
    loading.className = 'alliance-map-loading';
    loading.setAttribute('role', 'status');
    loading.textContent = 'Loading the map…';
    wrapper.append(loading);
    this.#root.replaceChildren(link, wrapper);

    const styled = new Promise<void>((resolve) => {
      link.addEventListener('load', () => resolve(), { once: true });
      // Unstyled beats nothing: the map still works without its stylesheet.
      link.addEventListener('error', () => resolve(), { once: true });
    });
    let mountApp: typeof import('./mountApp').mountApp;
    try {
      [{ mountApp }] = await Promise.all([import('./mountApp'), styled]);
    } catch {
      if (generation === this.#generation) {
        loading.setAttribute('role', 'alert');
        loading.textContent =
          'The map could not be loaded. Check your connection and reload the page.';
      }
      return;
    }
    if (generation !== this.#generation) return;

    const query = new URLSearchParams();
    const story = this.getAttribute('story');
    const date = this.getAttribute('date');
    if (story !== null) query.set('story', story);
    query.set('mode', elementMode(this.getAttribute('mode')));
    if (date !== null) query.set('date', date);
    wrapper.replaceChildren();
    this.#map = mountApp({
      element: this,
      target: wrapper,
      base: HERE,
      search: `?${query}`,
      selection: this.getAttribute('selection'),
    });
  }
}

sizeIframes();
registerRemProperty();
if (!customElements.get('alliance-map')) customElements.define('alliance-map', AllianceMapElement);
