/**
 * The map's zoom state as plain numbers (scale k, then translate x, y), with the few operations
 * the layers need. Kept apart from d3-zoom so the first paint does not wait for the zoom code,
 * which is loaded just after. k = 1 is the story's own frame (the projection is fitted to it).
 */
import type { Box } from './layout';
import type { Point } from './geo';
import type { Padding } from './framing';

export interface View {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: View = { k: 1, x: 0, y: 0 };
export const MAX_ZOOM = 40;

/** How far the reader may zoom out and pan: the globe's projected bounds and the widest view. */
export interface Limits {
  minK: number;
  /** [[x0, y0], [x1, y1]] in projected coordinates, as d3-zoom's translateExtent. */
  extent: [[number, number], [number, number]];
}

/** Where a projected point lands on screen. */
export function applyView(view: View, [px, py]: Point): Point {
  return [px * view.k + view.x, py * view.k + view.y];
}

/** Where a screen point is in projected coordinates. */
export function invertView(view: View, [sx, sy]: Point): Point {
  return [(sx - view.x) / view.k, (sy - view.y) / view.k];
}

/** Keeps a translation inside the extent, as d3-zoom's default constrain does. */
export function clampView(view: View, width: number, height: number, limits?: Limits): View {
  const [[x0, y0], [x1, y1]] = limits?.extent ?? [
    [0, 0],
    [width, height],
  ];
  const axis = (t: number, lo: number, hi: number, size: number) => {
    const min = size - hi * view.k; // the extent's far edge at the view's far edge
    const max = -lo * view.k; // its near edge at the view's near edge
    return min > max ? (min + max) / 2 : Math.min(max, Math.max(min, t));
  };
  return { k: view.k, x: axis(view.x, x0, x1, width), y: axis(view.y, y0, y1, height) };
}

/**
 * The view that frames a box (in projected coordinates) with `padding` pixels around it (the
 * same on every side, or each its own), never closer than `maxK` (a fly-to that should not zoom
 * in past where the reader was).
 */
export function frameView(
  box: Box,
  width: number,
  height: number,
  padding: number | Padding = 40,
  limits?: Limits,
  maxK = MAX_ZOOM,
): View {
  const { top, right, bottom, left } =
    typeof padding === 'number'
      ? { top: padding, right: padding, bottom: padding, left: padding }
      : padding;
  const fit = Math.min(
    (width - left - right) / Math.max(box.width, 1),
    (height - top - bottom) / Math.max(box.height, 1),
  );
  const k = Math.min(maxK, MAX_ZOOM, Math.max(limits?.minK ?? 1, fit));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x = left + (width - left - right) / 2 - k * cx;
  const y = top + (height - top - bottom) / 2 - k * cy;
  return clampView({ k, x, y }, width, height, limits);
}

/** Whether every point lies inside the view with `margin` pixels to spare. */
export function allInView(points: readonly Point[], width: number, height: number, margin = 0) {
  return points.every(
    ([x, y]) => x >= margin && y >= margin && x <= width - margin && y <= height - margin,
  );
}

/** The reader's motion preference, read when an animation starts. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
