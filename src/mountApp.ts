/**
 * Mounts the app inside an `<alliance-map>` element's shadow root. Loaded by `alliance-map.js`
 * only when such an element appears, so pages that only size an iframe never download the app.
 * The styles imported here end up in `alliance-map.css`, which the element links into its
 * shadow root.
 */
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import { ElementHost, elementContext } from './lib/embed/host.svelte';
import './lib/embed/element.css';
import './app.css';

export interface MountedMap {
  /** Applies a new `selection` attribute (`actor/RUS`, or null for none). */
  select(selection: string | null): void;
  destroy(): void;
}

export interface MountOptions {
  /** The element: selection events are dispatched on it. */
  element: HTMLElement;
  /** Where the app mounts, inside the shadow root. */
  target: HTMLElement;
  /** The folder holding `stories/`: the script's own. */
  base: string;
  /** The view, as the app's query string (`?story=…&mode=embed&date=…`). */
  search: string;
  selection: string | null;
}

export function mountApp(options: MountOptions): MountedMap {
  const host = new ElementHost(options.element, options.selection);
  const app = mount(App, {
    target: options.target,
    props: { base: options.base, search: options.search },
    context: elementContext(host),
  });
  return {
    select: (selection) => (host.selection = selection),
    destroy: () => void unmount(app),
  };
}
