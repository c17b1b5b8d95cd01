/** Focus helpers that see through shadow roots (the `<alliance-map>` element draws in one). */

/** The focused element, looking inside shadow roots, where the document only sees their host. */
export function deepActiveElement(): HTMLElement | SVGElement | null {
  let active = typeof document !== 'undefined' ? document.activeElement : null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement || active instanceof SVGElement ? active : null;
}
