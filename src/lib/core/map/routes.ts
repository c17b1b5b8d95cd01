/**
 * Routes for relation lines that read: a line that passes over a marker it does not join looks
 * like a relation of that actor (the US–Korea lines over the Russia marker), so each line takes
 * the bow that clears other markers best, close to its natural one. And a click where several
 * lines meet selects the line nearest the pointer, not whichever was drawn last.
 */
import type { Point } from './geo';

/** Tunables: how close a line may pass a marker, and the bows tried (times the natural one). */
export const CLEARANCE = 10;
const BOW_FACTORS = [1, -1, 1.8, -1.8, 2.6, 0.4];

/** Distance from a point to the segment a–b. */
function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from a point to a polyline. */
export function polylineDistance(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
  return line.length === 1 ? Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]) : best;
}

/**
 * How many of the obstacles a line passes within `clearance` of. Only the obstacles inside the
 * line's bounding box (grown by the clearance) are measured, so a story with thousands of lines
 * and hundreds of markers costs a box test for most pairs, not a walk along the line.
 */
export function crossings(
  line: readonly Point[],
  obstacles: readonly Point[],
  clearance = CLEARANCE,
) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of line) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  let hits = 0;
  for (const o of obstacles) {
    const [x, y] = o;
    if (x <= x0 - clearance || x >= x1 + clearance || y <= y0 - clearance || y >= y1 + clearance)
      continue;
    if (polylineDistance(o, line) < clearance) hits++;
  }
  return hits;
}

/** The bow for a factor of the natural one (a straight line gets a few pixels to either side). */
export function bowFor(natural: number, factor: number): number {
  if (factor === 1) return natural;
  const base = Math.abs(natural) < 4 ? 16 * (natural < 0 ? -1 : 1) : natural;
  return base * factor;
}

/**
 * Markers sorted into square cells, so that a line asks only the cells it passes through how
 * many markers it runs over: thousands of lines among hundreds of markers cost a few look-ups
 * per segment, not a measure of every marker against every line.
 */
export class ObstacleGrid {
  readonly #cell: number;
  /** Cells in rows from (x0, y0), each the obstacles in it. */
  readonly #cells: Point[][] = [];
  readonly #x0: number;
  readonly #y0: number;
  readonly #columns: number;
  readonly #rows: number;

  constructor(obstacles: readonly Point[], cell = 4 * CLEARANCE) {
    this.#cell = cell;
    const xs = obstacles.map((p) => Math.floor(p[0] / cell));
    const ys = obstacles.map((p) => Math.floor(p[1] / cell));
    this.#x0 = Math.min(...xs);
    this.#y0 = Math.min(...ys);
    this.#columns = obstacles.length ? Math.max(...xs) - this.#x0 + 1 : 0;
    this.#rows = obstacles.length ? Math.max(...ys) - this.#y0 + 1 : 0;
    obstacles.forEach((p, i) => {
      const at = (ys[i]! - this.#y0) * this.#columns + (xs[i]! - this.#x0);
      (this.#cells[at] ??= []).push(p);
    });
  }

  /** How many obstacles, other than those in `skip` (the line's own ends), the line passes
   * within `clearance` of: the same count as `crossings`. */
  crossings(line: readonly Point[], skip: readonly Point[] = [], clearance = CLEARANCE): number {
    const hit = new Set<Point>();
    const c = this.#cell;
    const last = Math.max(1, line.length - 1);
    for (let i = 0; i < last; i++) {
      const a = line[i];
      const b = line[i + 1] ?? a;
      if (!a || !b) break;
      const cx0 = Math.max(0, Math.floor((Math.min(a[0], b[0]) - clearance) / c) - this.#x0);
      const cx1 = Math.min(
        this.#columns - 1,
        Math.floor((Math.max(a[0], b[0]) + clearance) / c) - this.#x0,
      );
      const cy0 = Math.max(0, Math.floor((Math.min(a[1], b[1]) - clearance) / c) - this.#y0);
      const cy1 = Math.min(
        this.#rows - 1,
        Math.floor((Math.max(a[1], b[1]) + clearance) / c) - this.#y0,
      );
      for (let cy = cy0; cy <= cy1; cy++)
        for (let cx = cx0; cx <= cx1; cx++) {
          const cell = this.#cells[cy * this.#columns + cx];
          if (!cell) continue;
          for (const p of cell) {
            if (hit.has(p) || skip.includes(p)) continue;
            if (segmentDistance(p, a, b) < clearance) hit.add(p);
          }
        }
    }
    return hit.size;
  }
}

/**
 * How far to bow a line, as a factor of its natural bow: 1 unless another bow clears more of
 * the markers it does not join. `trace` draws the line for a bow; `obstacles` are the markers it
 * must not pass over, or a function that counts those a line passes over (`ObstacleGrid`).
 */
export function clearBow(
  natural: number,
  trace: (bow: number) => readonly Point[] | null,
  obstacles: readonly Point[] | ((line: readonly Point[]) => number),
): number {
  const count =
    typeof obstacles === 'function'
      ? obstacles
      : (line: readonly Point[]) => crossings(line, obstacles);
  let best = { factor: 1, hits: Infinity };
  for (const factor of BOW_FACTORS) {
    const line = trace(bowFor(natural, factor));
    if (!line) return 1;
    const hits = count(line);
    if (hits < best.hits) best = { factor, hits };
    if (hits === 0) break;
  }
  return best.factor;
}

/** The index of the line nearest the point (within `reach` pixels), or -1. */
export function nearestLine(
  p: Point,
  lines: readonly (readonly Point[] | null)[],
  reach = 14,
): number {
  let best = -1;
  let distance = reach;
  lines.forEach((line, i) => {
    if (!line) return;
    const d = polylineDistance(p, line);
    if (d < distance) {
      distance = d;
      best = i;
    }
  });
  return best;
}
