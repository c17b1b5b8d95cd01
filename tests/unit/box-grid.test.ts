/**
 * The grid of boxes (boxGrid.ts) that label placement asks what lies near a spot: it must meet
 * every box a linear search over all boxes would find, so that placement makes the same choices.
 */
import { describe, expect, it } from 'vitest';
import { BoxGrid } from '../../src/lib/core/map/boxGrid';
import { overlaps } from '../../src/lib/core/map/labels';
import { segmentCrossesBox } from '../../src/lib/core/map/lineObstacles';
import type { Box } from '../../src/lib/core/map/layout';
import type { Point } from '../../src/lib/core/map/geo';

const box = (x: number, y: number, width: number, height: number): Box => ({
  x,
  y,
  width,
  height,
});

function gridOf(boxes: readonly Box[], cell?: number): BoxGrid<Box> {
  const grid = new BoxGrid<Box>(cell);
  for (const b of boxes) grid.add(b.x, b.y, b.x + b.width, b.y + b.height, b);
  return grid;
}

const overlapping = (grid: BoxGrid<Box>, q: Box) =>
  grid.some(q.x, q.y, q.x + q.width, q.y + q.height, (b) => overlaps(b, q));

/** Every box the grid meets near q (tried once each). */
function near(grid: BoxGrid<Box>, q: Box): Box[] {
  const met: Box[] = [];
  grid.some(q.x, q.y, q.x + q.width, q.y + q.height, (b) => (met.push(b), false));
  return met;
}

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('BoxGrid', () => {
  const boxes = [
    box(0, 0, 10, 10),
    box(31, 31, 2, 2), // across a cell corner (32 px cells)
    box(64, 0, 0, 0), // a point on a cell's edge
    box(-50, -20, 30, 10), // at negative coordinates
    box(100, 100, 500, 40), // over many cells
    box(-1e9, -1e9, 2e9, 2e9), // too large for cells: met by every query
  ];
  it.each([
    { q: box(5, 5, 1, 1), why: 'a box inside another' },
    { q: box(10, 0, 5, 5), why: 'a box touching an edge only (no overlap)' },
    { q: box(32.9, 32.9, 3, 3), why: 'a box across the cell corner' },
    { q: box(63.999, -1, 0.002, 2), why: 'a sliver around a point on an edge' },
    { q: box(-25, -15, 2, 2), why: 'a box at negative coordinates' },
    { q: box(580, 120, 50, 50), why: 'a box at the far end of a wide one' },
    { q: box(2000, 2000, 10, 10), why: 'a box far from all but the huge one' },
    { q: box(-Infinity, 0, Infinity, 10), why: 'a query with no finite extent' },
  ])('finds what a linear search finds: $why', ({ q }) => {
    const grid = gridOf(boxes.slice(0, -1));
    expect(overlapping(grid, q)).toBe(boxes.slice(0, -1).some((b) => overlaps(b, q)));
    const all = gridOf(boxes);
    expect(overlapping(all, q)).toBe(boxes.some((b) => overlaps(b, q)));
    expect(new Set(near(all, q).filter((b) => overlaps(b, q)))).toEqual(
      new Set(boxes.filter((b) => overlaps(b, q))),
    );
  });

  it('tries each item once per query, however many cells they share', () => {
    const grid = gridOf([box(0, 0, 200, 200)]);
    let tries = 0;
    grid.some(0, 0, 200, 200, () => (tries++, false));
    expect(tries).toBe(1);
  });

  it.each([
    { seed: 1, n: 50, size: 60, cell: 32 },
    { seed: 2, n: 400, size: 30, cell: 32 },
    { seed: 3, n: 400, size: 120, cell: 16 },
    { seed: 4, n: 200, size: 8, cell: 64 },
  ])(
    'answers as the linear search does for $n random boxes of up to $size px in $cell px cells',
    ({ seed, n, size, cell }) => {
      const r = random(seed);
      const some = () => box(r() * 800 - 100, r() * 500 - 100, r() * size, r() * size);
      const boxes = Array.from({ length: n }, some);
      const grid = gridOf(boxes, cell);
      for (let i = 0; i < 300; i++) {
        const q = some();
        expect(overlapping(grid, q)).toBe(boxes.some((b) => overlaps(b, q)));
        const found = near(grid, q).filter((b) => overlaps(b, q));
        expect(new Set(found)).toEqual(new Set(boxes.filter((b) => overlaps(b, q))));
        expect(found.length).toBe(new Set(found).size);
        // Segments (leader lines) across the boxes: looked up by their span.
        const a: Point = [r() * 800 - 100, r() * 500 - 100];
        const b: Point = [a[0] + (r() - 0.5) * 200, a[1] + (r() - 0.5) * 200];
        const crossed = grid.some(
          Math.min(a[0], b[0]),
          Math.min(a[1], b[1]),
          Math.max(a[0], b[0]),
          Math.max(a[1], b[1]),
          (t) => segmentCrossesBox(a, b, t),
        );
        expect(crossed).toBe(boxes.some((t) => segmentCrossesBox(a, b, t)));
      }
    },
  );
});
