/**
 * spreadMarkers (layout.ts) passes over the pairs of markers that are far apart along x or y
 * without measuring their distance: it must push the same pairs, so the markers end where the
 * plain relaxation over every pair puts them, to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { spreadMarkers } from '../../src/lib/core/map/layout';
import type { Point } from '../../src/lib/core/map/geo';

/** The relaxation over every pair, measuring each distance (the layout before the shortcut),
 * each marker then kept within three gaps of its place. */
function everyPair(anchors: readonly Point[], gap: number, passes = 40): Point[] {
  const points = anchors.map(([x, y]) => [x, y] as Point);
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i]!;
        const b = points[j]!;
        let dx = b[0] - a[0];
        let dy = b[1] - a[1];
        let dist = Math.hypot(dx, dy);
        if (dist >= gap - 0.01) continue;
        if (dist < 1e-6) {
          const angle = ((i * 7 + j * 3) % 12) * (Math.PI / 6);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          dist = 1;
        }
        const push = (gap - Math.hypot(b[0] - a[0], b[1] - a[1])) / 2;
        a[0] -= (dx / dist) * push;
        a[1] -= (dy / dist) * push;
        b[0] += (dx / dist) * push;
        b[1] += (dy / dist) * push;
        moved = true;
      }
    for (const [i, p] of points.entries()) {
      const [x, y] = anchors[i]!;
      const far = Math.hypot(p[0] - x, p[1] - y) / (3 * gap);
      if (far > 1) {
        p[0] = x + (p[0] - x) / far;
        p[1] = y + (p[1] - y) / far;
      }
    }
    if (!moved) break;
  }
  return points;
}

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const scatter = (seed: number, n: number, width: number, height: number, whole = false) => {
  const r = random(seed);
  const at = (size: number) => (whole ? Math.floor(r() * size) : r() * size);
  return Array.from({ length: n }, () => [at(width), at(height)] as Point);
};

describe('spreadMarkers', () => {
  it.each([
    { why: 'two markers on one spot', points: [[10, 10] as Point, [10, 10] as Point], gap: 26 },
    {
      why: 'a row exactly a gap apart',
      points: [0, 26, 52, 78].map((x) => [x, 0] as Point),
      gap: 26,
    },
    {
      why: 'a row a hair under a gap apart',
      points: [0, 25.995, 51.99].map((x) => [x, 0] as Point),
      gap: 26,
    },
    { why: 'a tight cluster', points: scatter(1, 30, 40, 30), gap: 26 },
    { why: 'whole-pixel points, some on one spot', points: scatter(2, 120, 60, 40, true), gap: 16 },
    { why: 'a world map’s 174 markers', points: scatter(3, 174, 846, 406), gap: 26 },
    { why: 'the same zoomed out (crowded)', points: scatter(4, 174, 300, 150), gap: 26 },
    { why: 'a sparse map', points: scatter(5, 40, 2000, 1000), gap: 26 },
  ])('puts the markers where the relaxation over every pair does: $why', ({ points, gap }) => {
    expect(spreadMarkers(points, gap)).toEqual(everyPair(points, gap));
  });
});
