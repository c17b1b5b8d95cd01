/**
 * The zoom code (d3-zoom and its transitions) is fetched once the map has been painted, or at
 * the reader's first touch of the map if that comes sooner, so it never delays the first paint.
 * A wheel or a mouse drag that comes before it is not lost: the wheels the map would take are
 * held (the page does not scroll under them) and given to d3-zoom when it arrives, and a drag
 * still under way then is picked up where its button went down.
 */
import type { ZoomController, ZoomOptions } from './zoom';
import { afterNextPaint } from '../ui/paint';

const FIRST_TOUCH = ['pointerdown', 'wheel', 'touchstart', 'keydown', 'focusin'] as const;

/**
 * Attaches the zoom behaviour to `frame` when it has arrived; `options` is read then, not now.
 * Returns the cleanup: it cancels a pending attach, or destroys the attached behaviour.
 */
export function attachZoomLater(
  frame: HTMLElement,
  options: () => ZoomOptions,
  onAttached: (zoom: ZoomController) => void,
): () => void {
  let zoom: ZoomController | null = null;
  let cancelled = false;
  const early = holdEarlyGestures(frame, (event) => options().filter?.(event) ?? true);
  const idle = new Promise<void>((resolve) => {
    const go = () => {
      FIRST_TOUCH.forEach((name) => frame.removeEventListener(name, go));
      resolve();
    };
    FIRST_TOUCH.forEach((name) => frame.addEventListener(name, go, { passive: true, once: true }));
    afterNextPaint(go);
  });
  idle
    .then(() => import('./zoom'))
    .then(({ attachZoom }) => {
      if (cancelled) return;
      zoom = attachZoom(frame, options());
      onAttached(zoom);
      early.replay();
    });
  return () => {
    cancelled = true;
    early.stop();
    zoom?.destroy();
  };
}

/**
 * Holds the wheels and the mouse press that come before the zoom code: `replay` hands them to
 * it (dispatched again where they happened, as d3-zoom's own listeners expect them) and stops.
 */
export function holdEarlyGestures(
  frame: HTMLElement,
  mayZoom: (event: Event) => boolean,
): { replay: () => void; stop: () => void } {
  const wheels: { target: EventTarget; init: WheelEventInit }[] = [];
  /** A mouse button pressed on the map and not yet let go. */
  let press: { target: EventTarget; init: MouseEventInit } | null = null;
  const onWheel = (event: WheelEvent) => {
    if (!mayZoom(event)) return;
    // The map takes this wheel: the page must not scroll under it while the code comes.
    event.preventDefault();
    wheels.push({ target: event.target ?? frame, init: mouseInit(event, wheelInit(event)) });
  };
  const onDown = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || event.button !== 0 || !mayZoom(event)) return;
    press = { target: event.target ?? frame, init: mouseInit(event) };
  };
  const onUp = () => (press = null);
  frame.addEventListener('wheel', onWheel, { passive: false });
  frame.addEventListener('pointerdown', onDown);
  window.addEventListener('pointerup', onUp);
  const stop = () => {
    frame.removeEventListener('wheel', onWheel);
    frame.removeEventListener('pointerdown', onDown);
    window.removeEventListener('pointerup', onUp);
  };
  return {
    stop,
    replay() {
      stop();
      for (const { target, init } of wheels.splice(0))
        target.dispatchEvent(new WheelEvent('wheel', init));
      // d3-zoom follows a drag from its mousedown: the moves since then count from there.
      if (press) press.target.dispatchEvent(new MouseEvent('mousedown', press.init));
      press = null;
    },
  };
}

function wheelInit(event: WheelEvent): WheelEventInit {
  const { deltaX, deltaY, deltaZ, deltaMode } = event;
  return { deltaX, deltaY, deltaZ, deltaMode };
}

function mouseInit<T extends MouseEventInit>(event: MouseEvent, extra?: T): T & MouseEventInit {
  const { clientX, clientY, screenX, screenY, ctrlKey, metaKey, shiftKey, altKey, button } = event;
  return {
    ...(extra as T),
    bubbles: true,
    cancelable: true,
    composed: true,
    view: window,
    clientX,
    clientY,
    screenX,
    screenY,
    ctrlKey,
    metaKey,
    shiftKey,
    altKey,
    button,
    buttons: 1,
  };
}
