/**
 * Screen-space layout for markers: small countries sit a few pixels apart at world scale
 * (Pyongyang and Seoul are 3 px apart), so markers are pushed apart until every one is a
 * separate target, as far as they can be without leaving their places. Labels are placed by
 * labels.ts.
 */
import type { Point } from './geo';

/** How far (in gaps) a marker may be pushed from its place. */
const REACH = 3;

/**
 * Pushes points apart until no two are closer than `gap` (a few relaxation passes), each at most
 * `REACH` gaps from its place: where more markers crowd than fit (a story of a hundred countries
 * seen whole), they overlap near their countries rather than spread into a lattice that puts
 * Iceland in Asia. Zoomed in, there is room.
 */
export function spreadMarkers(anchors: readonly Point[], gap: number, passes = 40): Point[] {
  const points = anchors.map(([x, y]) => [x, y] as Point);
  const reach = REACH * gap;
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      const a = points[i] as Point;
      for (let j = i + 1; j < points.length; j++) {
        const b = points[j] as Point;
        let dx = b[0] - a[0];
        let dy = b[1] - a[1];
        // Most pairs are far apart along x or y, so their distance is at least the gap: they
        // are passed over without it (the same pairs as the test below passes over).
        if (dx >= gap || -dx >= gap || dy >= gap || -dy >= gap) continue;
        let dist = Math.hypot(dx, dy);
        if (dist >= gap - 0.01) continue;
        if (dist < 1e-6) {
          // Same spot: separate along a direction that depends on the pair, so it is stable.
          const angle = ((i * 7 + j * 3) % 12) * (Math.PI / 6);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          dist = 1;
        }
        const push = (gap - Math.hypot(b[0] - a[0], b[1] - a[1])) / 2;
        const ux = dx / dist;
        const uy = dy / dist;
        a[0] -= ux * push;
        a[1] -= uy * push;
        b[0] += ux * push;
        b[1] += uy * push;
        moved = true;
      }
    }
    points.forEach((p, i) => {
      const [x, y] = anchors[i]!;
      const far = Math.hypot(p[0] - x, p[1] - y) / reach;
      if (far > 1) {
        p[0] = x + (p[0] - x) / far;
        p[1] = y + (p[1] - y) / far;
      }
    });
    if (!moved) break;
  }
  return points;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around points, grown around its centre to at least `min` in each direction. */
export function boxAround(points: readonly Point[], min: { width: number; height: number }): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const width = Math.max(...xs) - x0;
  const height = Math.max(...ys) - y0;
  const w = Math.max(width, min.width);
  const h = Math.max(height, min.height);
  return { x: x0 - (w - width) / 2, y: y0 - (h - height) / 2, width: w, height: h };
}
