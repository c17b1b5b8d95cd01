/**
 * The map's zoom state as plain numbers (scale k, then translate x, y), with the few operations
 * the layers need. Kept apart from d3-zoom so the first paint does not wait for the zoom code,
 * which is loaded just after.
 */
import type { Box } from './layout';
import type { Point } from './geo';

export interface View {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: View = { k: 1, x: 0, y: 0 };
export const MAX_ZOOM = 40;

/** Where a projected point lands on screen. */
export function applyView(view: View, [px, py]: Point): Point {
  return [px * view.k + view.x, py * view.k + view.y];
}

/** The view that frames a box (in projected coordinates) with `padding` pixels around it. */
export function frameView(box: Box, width: number, height: number, padding = 40): View {
  const k = Math.min(
    MAX_ZOOM,
    Math.max(
      1,
      Math.min(
        (width - 2 * padding) / Math.max(box.width, 1),
        (height - 2 * padding) / Math.max(box.height, 1),
      ),
    ),
  );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Keep the world inside the frame, as d3-zoom's translate extent would.
  const x = Math.min(0, Math.max(width - width * k, width / 2 - k * cx));
  const y = Math.min(0, Math.max(height - height * k, height / 2 - k * cy));
  return { k, x, y };
}

/** The reader's motion preference, read when an animation starts. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
