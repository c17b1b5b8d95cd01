/**
 * Relation lines kept between renders, so that a date step, a click or a settled zoom computes
 * only the lines whose inputs changed: each value remembers the inputs it was computed from
 * (the projection, the view, the two ends, the bow…) and is computed again only when one of them
 * differs. Pure: the map's layers own one cache each.
 */
import { greatCirclePoints, type ArcPoints, type Point } from './geo';
import type { GeoProjection } from 'd3-geo';

/** Two inputs are the same: identical, or points / views with the same numbers. */
export function sameInput(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * Values by key, each computed again only when its inputs change. With a `limit`, only that many
 * of the most recently asked-for keys are kept (for caches that are never swept).
 */
export class Memo<V> {
  #entries = new Map<string, { inputs: readonly unknown[]; value: V; used: boolean }>();
  #limit: number;
  /** How many values were computed rather than reused (tests read it). */
  computed = 0;

  constructor({ limit = Infinity }: { limit?: number } = {}) {
    this.#limit = limit;
  }

  get(key: string, inputs: readonly unknown[], compute: () => V): V {
    const entry = this.#entries.get(key);
    if (
      entry &&
      entry.inputs.length === inputs.length &&
      entry.inputs.every((x, i) => sameInput(x, inputs[i]))
    ) {
      entry.used = true;
      if (this.#limit < Infinity) {
        // The most recently used last: the first key is the one to forget.
        this.#entries.delete(key);
        this.#entries.set(key, entry);
      }
      return entry.value;
    }
    const value = compute();
    this.computed++;
    this.#entries.delete(key);
    this.#entries.set(key, { inputs, value, used: true });
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** Forgets what was not asked for since the last sweep (lines no longer drawn), so the cache
   * never outgrows what is on the map. */
  sweep(): void {
    for (const [key, entry] of this.#entries) {
      if (entry.used) entry.used = false;
      else this.#entries.delete(key);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * The great circle between two anchors in projected coordinates, kept per projection and pair
 * of ends: a date step that changes which relations are drawn (or which state stands in for a
 * ceased one) projects only the pairs it has not drawn before.
 */
export function cachedGreatCircle(
  memo: Memo<ArcPoints>,
  projection: GeoProjection,
  from: { id: string; anchor: Point },
  to: { id: string; anchor: Point },
): ArcPoints {
  return memo.get(`${from.id}|${to.id}`, [projection, from.anchor, to.anchor], () =>
    greatCirclePoints(projection, from.anchor, to.anchor),
  );
}

/** The box around a line's points. */
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const boxes = new WeakMap<readonly Point[], Bounds>();

/** The bounding box of some points (kept per array: a great circle's box is found once). */
export function boundsOf(points: readonly Point[]): Bounds {
  let box = boxes.get(points);
  if (box) return box;
  box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y] of points) {
    if (x < box.x0) box.x0 = x;
    if (x > box.x1) box.x1 = x;
    if (y < box.y0) box.y0 = y;
    if (y > box.y1) box.y1 = y;
  }
  boxes.set(points, box);
  return box;
}

/**
 * Whether a line through these projected points can show in a `width`×`height` view at a zoom,
 * `margin` px of bow and marker shift allowed: lines wholly outside the view are not drawn.
 */
export function mayShow(
  points: readonly Point[],
  view: { k: number; x: number; y: number },
  width: number,
  height: number,
  margin: number,
): boolean {
  if (points.length === 0) return false;
  const b = boundsOf(points);
  return (
    b.x1 * view.k + view.x >= -margin &&
    b.x0 * view.k + view.x <= width + margin &&
    b.y1 * view.k + view.y >= -margin &&
    b.y0 * view.k + view.y <= height + margin
  );
}
