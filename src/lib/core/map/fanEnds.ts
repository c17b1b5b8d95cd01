/**
 * Where many lines meet at one marker (Pyongyang: the pact, the treaties, arms, support, all
 * from Moscow), they arrive from almost the same direction and merge into one braid before the
 * marker. A graphics desk fans their ends: each line reaches the marker's edge at its own angle,
 * some degrees from its neighbours, turning gently over its last stretch. Pure: takes lines in
 * screen space and returns them with their ends turned.
 */
import type { Point } from './geo';

/** Tunables: the least angle between two lines' ends, the widest fan, and the stretch that bends. */
export const END_SPACING = (16 * Math.PI) / 180;
const MAX_FAN = (90 * Math.PI) / 180;
const BEND = 110;

export interface EndedLine {
  points: Point[];
  /** The markers the line joins: its first point nears `from`, its last `to`. */
  from: string;
  to: string;
}

/** The direction (radians) a line arrives from, seen from the marker, a little way out. */
function arrival(points: readonly Point[], centre: Point, reach: number): number {
  let travelled = 0;
  let at = points[0]!;
  for (let i = 1; i < points.length && travelled < reach; i++) {
    travelled += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
    at = points[i]!;
  }
  return Math.atan2(at[1] - centre[1], at[0] - centre[0]);
}

/** Spreads sorted angles so neighbours are at least `spacing` apart, keeping each group's middle. */
export function spreadAngles(
  angles: readonly number[],
  spacing: number,
  widest = MAX_FAN,
): number[] {
  const order = angles.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a);
  const out = new Array<number>(angles.length);
  let group: { a: number; i: number }[] = [];
  const flush = () => {
    if (!group.length) return;
    const step = Math.min(spacing, group.length > 1 ? widest / (group.length - 1) : spacing);
    const middle = (group[0]!.a + group[group.length - 1]!.a) / 2;
    group.forEach(({ i }, k) => (out[i] = middle + (k - (group.length - 1) / 2) * step));
    group = [];
  };
  for (const item of order) {
    const last = group[group.length - 1];
    if (last && item.a - last.a >= spacing) flush();
    group.push(item);
  }
  flush();
  return out;
}

/**
 * Turns a line's last stretch about the marker's centre by `turn` radians: fully at the end,
 * fading out smoothly over `bend` px (the first end if `atStart`).
 */
function turnEnd(points: Point[], centre: Point, turn: number, atStart: boolean, bend: number) {
  const line = atStart ? points : [...points].reverse();
  let travelled = 0;
  const turned = line.map((p, i) => {
    if (i) travelled += Math.hypot(p[0] - line[i - 1]![0], p[1] - line[i - 1]![1]);
    const t = Math.max(0, 1 - travelled / bend);
    const angle = turn * t * t * (3 - 2 * t);
    const [x, y] = [p[0] - centre[0], p[1] - centre[1]];
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    return [centre[0] + x * cos - y * sin, centre[1] + x * sin + y * cos] as Point;
  });
  return atStart ? turned : turned.reverse();
}

/**
 * The lines with their ends fanned at each marker they share: each line's last stretch is turned
 * about the marker so that it arrives at its own angle, spread from its neighbours'. `radius`
 * is how far out the arrival direction is read (the marker's edge and a little more).
 */
export function fanEnds(
  lines: readonly EndedLine[],
  centres: ReadonlyMap<string, Point>,
  radius: number,
): Point[][] {
  const result = lines.map((l) => [...l.points]);
  const ends = new Map<string, { line: number; atStart: boolean }[]>();
  lines.forEach((line, i) => {
    if (line.points.length < 2) return;
    for (const [id, atStart] of [
      [line.from, true],
      [line.to, false],
    ] as const) {
      const list = ends.get(id) ?? [];
      list.push({ line: i, atStart });
      ends.set(id, list);
    }
  });
  for (const [id, list] of ends) {
    const centre = centres.get(id);
    if (!centre || list.length < 2) continue;
    const angles = list.map(({ line, atStart }) => {
      const points = atStart ? result[line]! : [...result[line]!].reverse();
      return arrival(points, centre, radius * 3);
    });
    const spread = spreadAngles(angles, END_SPACING);
    list.forEach(({ line, atStart }, k) => {
      const turn = spread[k]! - angles[k]!;
      if (Math.abs(turn) < 1e-3) return;
      const length = result[line]!.reduce(
        (sum, p, j, all) =>
          j ? sum + Math.hypot(p[0] - all[j - 1]![0], p[1] - all[j - 1]![1]) : 0,
        0,
      );
      result[line] = turnEnd(result[line]!, centre, turn, atStart, Math.min(BEND, length / 3));
    });
  }
  return result;
}
