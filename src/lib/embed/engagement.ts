/**
 * Whether the reader has engaged with the map — clicked or focused it — and not left it since:
 * a click elsewhere, focus moving to something outside, or the window losing focus (a click on
 * the host page around an iframe) ends it. Outside clicks are told apart by the event's composed
 * path, so this works inside the `<alliance-map>` element's shadow root too.
 */
export function trackEngagement(
  frame: HTMLElement,
  onChange: (engaged: boolean) => void,
): () => void {
  let engaged = false;
  const set = (value: boolean) => {
    if (value === engaged) return;
    engaged = value;
    onChange(value);
  };
  const onPointerDown = (event: PointerEvent) => set(event.composedPath().includes(frame));
  const onFocusIn = () => set(true);
  // Focus going nowhere (a click on the map's sea blurs a marker) is not leaving the map.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && !frame.contains(event.relatedTarget)) set(false);
  };
  const onBlur = () => set(false);

  const doc = frame.ownerDocument;
  const win = doc.defaultView;
  doc.addEventListener('pointerdown', onPointerDown, true);
  frame.addEventListener('focusin', onFocusIn);
  frame.addEventListener('focusout', onFocusOut);
  win?.addEventListener('blur', onBlur);
  return () => {
    doc.removeEventListener('pointerdown', onPointerDown, true);
    frame.removeEventListener('focusin', onFocusIn);
    frame.removeEventListener('focusout', onFocusOut);
    win?.removeEventListener('blur', onBlur);
  };
}
