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

/** How many of the obstacles a line passes within `clearance` of. */
export function crossings(
  line: readonly Point[],
  obstacles: readonly Point[],
  clearance = CLEARANCE,
) {
  return obstacles.filter((o) => polylineDistance(o, line) < clearance).length;
}

/** The bow for a factor of the natural one (a straight line gets a few pixels to either side). */
export function bowFor(natural: number, factor: number): number {
  if (factor === 1) return natural;
  const base = Math.abs(natural) < 4 ? 16 * (natural < 0 ? -1 : 1) : natural;
  return base * factor;
}

/**
 * How far to bow a line, as a factor of its natural bow: 1 unless another bow clears more of
 * the markers it does not join. `trace` draws the line for a bow.
 */
export function clearBow(
  natural: number,
  trace: (bow: number) => readonly Point[] | null,
  obstacles: readonly Point[],
): number {
  let best = { factor: 1, hits: Infinity };
  for (const factor of BOW_FACTORS) {
    const line = trace(bowFor(natural, factor));
    if (!line) return 1;
    const hits = crossings(line, obstacles);
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
