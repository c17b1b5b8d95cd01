/**
 * What the `<alliance-map>` element hands the app it mounts, through Svelte context: the element
 * (which dispatches the selection events) and the selection its `selection` attribute asks for.
 * Its presence also tells the page that it does not own the URL: an element never reads or
 * writes its host page's address, history or title.
 */
import { getContext } from 'svelte';

export class ElementHost {
  readonly element: HTMLElement;
  /** The `selection` attribute, as in a link's hash without "#/": `actor/RUS`, or null. */
  selection = $state<string | null>(null);

  constructor(element: HTMLElement, selection: string | null) {
    this.element = element;
    this.selection = selection;
  }
}

const KEY = Symbol('alliance-map-element');

/** The context map to pass to `mount()`, so every component below can find the element. */
export function elementContext(host: ElementHost): Map<symbol, ElementHost> {
  return new Map([[KEY, host]]);
}

/** The element this app is mounted in, or null on the app's own page and in an iframe. */
export function getElementHost(): ElementHost | null {
  return getContext<ElementHost | undefined>(KEY) ?? null;
}
