/**
 * A relation of more than two sides (trilateral drills, a three-party pact) is drawn as one
 * object: a small ring (the hub) joined by a spoke to each side's marker. Pure screen-space
 * geometry, so the shape is unit-tested without a DOM.
 */
import type { Arc, Point } from './geo';

/** Tunables: the hub ring's radius, its least distance from any side's marker (px), iterations. */
export const HUB_RADIUS = 5;
export const HUB_GAP = 32;
const ITERATIONS = 40;
/** How far (radians) the hub is turned down from the direction of the sides' mean. */
const TURN = Math.PI / 3;

/** The point with the least total distance to every side (geometric median, Weiszfeld). */
function medianPoint(points: readonly Point[], start: Point): Point {
  let [x, y] = start;
  for (let i = 0; i < ITERATIONS; i++) {
    let wx = 0;
    let wy = 0;
    let w = 0;
    for (const [px, py] of points) {
      const d = Math.hypot(px - x, py - y);
      if (d < 1e-6) return [px, py]; // the median is on a side
      wx += px / d;
      wy += py / d;
      w += 1 / d;
    }
    x = wx / w;
    y = wy / w;
  }
  return [x, y];
}

/**
 * Where the hub sits: the geometric median of the sides, so close sides get short spokes and a
 * far one a long spoke (rather than all meeting halfway across the map); but never on or beside a
 * marker, where the ring would hide: it is moved `gap` px from the nearest side, towards the
 * sides' mean.
 */
export function hubPoint(points: readonly Point[], gap = HUB_GAP): Point | null {
  if (points.length === 0) return null;
  const mean: Point = [
    points.reduce((sum, p) => sum + p[0], 0) / points.length,
    points.reduce((sum, p) => sum + p[1], 0) / points.length,
  ];
  const hub = medianPoint(points, mean);
  const nearest = points.reduce((a, b) =>
    Math.hypot(b[0] - hub[0], b[1] - hub[1]) < Math.hypot(a[0] - hub[0], a[1] - hub[1]) ? b : a,
  );
  if (Math.hypot(nearest[0] - hub[0], nearest[1] - hub[1]) >= gap) return hub;
  const dx = mean[0] - nearest[0];
  const dy = mean[1] - nearest[1];
  const d = Math.hypot(dx, dy);
  // All sides in one place: the hub goes below them.
  if (d < 1e-6) return [nearest[0], nearest[1] + gap];
  // Towards the mean, turned down the screen: labels sit beside markers, so a hub straight along
  // a horizontal spoke would hide under one.
  const turn = dx >= 0 ? TURN : -TURN;
  const ux = (dx / d) * Math.cos(turn) - (dy / d) * Math.sin(turn);
  const uy = (dx / d) * Math.sin(turn) + (dy / d) * Math.cos(turn);
  const [x, y] = [nearest[0] + ux * gap, nearest[1] + uy * gap];
  // Turned away from another side? Then plainly towards the mean.
  const clear = points.every((p) => Math.hypot(p[0] - x, p[1] - y) >= gap - 1e-6);
  return clear ? [x, y] : [nearest[0] + (dx / d) * gap, nearest[1] + (dy / d) * gap];
}

const f = (n: number) => n.toFixed(1);

/** The hub's ring and its spokes as one SVG path; `mid` is the hub (for a tooltip or label). */
/** Points on the ring in the traced polyline. */
const RING_POINTS = 12;

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
  // As one polyline through the hub: every spoke, and once round the ring (labels keep off it
  // as off the spokes), for finding the line nearest a click and the room left for labels.
  const round: Point[] = Array.from({ length: RING_POINTS + 1 }, (_, i) => {
    const angle = (i / RING_POINTS) * 2 * Math.PI;
    return [hx + Math.cos(angle) * radius, hy + Math.sin(angle) * radius];
  });
  const trace = points.flatMap((p, i) =>
    i === 0 ? [p] : i === 1 ? [hub, ...round, hub, p] : [hub, p],
  );
  return { d: ring + spokes, mid: hub, points: trace };
}
