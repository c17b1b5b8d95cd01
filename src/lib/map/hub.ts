/**
 * A relation of more than two sides (trilateral drills, a three-party pact) is drawn as one
 * object: a small ring (the hub) joined by a spoke to each side's marker. Pure screen-space
 * geometry, so the shape is unit-tested without a DOM.
 */
import type { Arc, Point } from './geo';

/** Tunables: the hub ring's radius (px) and the geometric median's iterations. */
export const HUB_RADIUS = 5;
const ITERATIONS = 40;

/**
 * Where the hub sits: the point with the least total distance to every side (the geometric
 * median, by Weiszfeld's iteration), so close sides get short spokes and a far one a long spoke,
 * rather than all of them meeting halfway across the map.
 */
export function hubPoint(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  let x = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  let y = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  for (let i = 0; i < ITERATIONS; i++) {
    let wx = 0;
    let wy = 0;
    let w = 0;
    for (const [px, py] of points) {
      const d = Math.hypot(px - x, py - y);
      if (d < 1e-6) return [px, py]; // the hub sits on a side: the median is that point
      wx += px / d;
      wy += py / d;
      w += 1 / d;
    }
    x = wx / w;
    y = wy / w;
  }
  return [x, y];
}

const f = (n: number) => n.toFixed(1);

/** The hub's ring and its spokes as one SVG path; `mid` is the hub (for a tooltip or label). */
export function hubArc(points: readonly Point[], radius = HUB_RADIUS): Arc | null {
  const hub = hubPoint(points);
  if (!hub || points.length < 2) return null;
  const [hx, hy] = hub;
  const ring =
    `M${f(hx - radius)},${f(hy)}a${radius},${radius} 0 1,0 ${2 * radius},0` +
    `a${radius},${radius} 0 1,0 ${-2 * radius},0`;
  const spokes = points
    .map(([x, y]) => {
      const d = Math.hypot(x - hx, y - hy);
      if (d <= radius) return '';
      // Each spoke starts at the ring's edge, not its centre, so the ring stays open.
      const sx = hx + ((x - hx) / d) * radius;
      const sy = hy + ((y - hy) / d) * radius;
      return `M${f(sx)},${f(sy)}L${f(x)},${f(y)}`;
    })
    .join('');
  return { d: ring + spokes, mid: hub };
}
