/**
 * The drawn relation lines as obstacles for labels: a label set over a line hides where it goes
 * and reads as part of it. Lines are sampled polylines in screen space; their segments are kept
 * in a grid of square cells, so asking whether a box crosses any line reads only the few
 * segments near it (a story with thousands of lines costs no more per label than one with ten).
 */
import type { Box } from './layout';
import type { Point } from './geo';

/** Tunable: the grid's cell size in px (about two label heights). */
const CELL = 32;

type Segment = readonly [Point, Point];

/** Whether the segment a–b passes through the box (Liang–Barsky clipping; allocates nothing,
 * as it runs for every spot tried against every line and box near it). */
export function segmentCrossesBox([ax, ay]: Point, [bx, by]: Point, box: Box): boolean {
  if (
    Math.max(ax, bx) < box.x ||
    Math.min(ax, bx) > box.x + box.width ||
    Math.max(ay, by) < box.y ||
    Math.min(ay, by) > box.y + box.height
  )
    return false;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 <= t1;
  };
  return (
    clip(-dx, ax - box.x) &&
    clip(dx, box.x + box.width - ax) &&
    clip(-dy, ay - box.y) &&
    clip(dy, box.y + box.height - ay)
  );
}

export interface LineIndex {
  /** How many lines pass through the box (0: the box is clear of every line). */
  crossings(box: Box): number;
  /** How many lines the segment a–b crosses (a leader line drawn across them). */
  cuts(a: Point, b: Point): number;
}

/** Whether segments a–b and c–d cross (touching ends do not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const side = (p: Point, q: Point, r: Point) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Indexes sampled lines (each a polyline in screen px) for box queries. */
export function indexLines(lines: readonly (readonly Point[])[]): LineIndex {
  const cells = new Map<string, { line: number; segment: Segment }[]>();
  lines.forEach((line, index) => {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const segment: Segment = [a, b];
      for (let cx = cell(Math.min(a[0], b[0])); cx <= cell(Math.max(a[0], b[0])); cx++)
        for (let cy = cell(Math.min(a[1], b[1])); cy <= cell(Math.max(a[1], b[1])); cy++) {
          const key = `${cx},${cy}`;
          const list = cells.get(key);
          if (list) list.push({ line: index, segment });
          else cells.set(key, [{ line: index, segment }]);
        }
    }
  });
  return {
    crossings(box) {
      if (cells.size === 0) return 0;
      const hit = new Set<number>();
      for (let cx = cell(box.x); cx <= cell(box.x + box.width); cx++)
        for (let cy = cell(box.y); cy <= cell(box.y + box.height); cy++)
          for (const { line, segment } of cells.get(`${cx},${cy}`) ?? [])
            if (!hit.has(line) && segmentCrossesBox(segment[0], segment[1], box)) hit.add(line);
      return hit.size;
    },
    cuts(a, b) {
      if (cells.size === 0) return 0;
      const hit = new Set<number>();
      for (let cx = cell(Math.min(a[0], b[0])); cx <= cell(Math.max(a[0], b[0])); cx++)
        for (let cy = cell(Math.min(a[1], b[1])); cy <= cell(Math.max(a[1], b[1])); cy++)
          for (const { line, segment } of cells.get(`${cx},${cy}`) ?? [])
            if (!hit.has(line) && segmentsCross(a, b, segment[0], segment[1])) hit.add(line);
      return hit.size;
    },
  };
}

function cell(value: number): number {
  return Math.floor(value / CELL);
}
