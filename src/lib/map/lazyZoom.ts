/**
 * The zoom code (d3-zoom and its transitions) is fetched once the map has been painted, or at
 * the reader's first touch of the map if that comes sooner, so it never delays the first paint.
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
    });
  return () => {
    cancelled = true;
    zoom?.destroy();
  };
}
