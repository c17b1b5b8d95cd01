/**
 * Fanned line ends (fanEnds.ts): lines that meet at one marker from nearly the same direction
 * arrive at angles spread apart; a lone line, or lines from different sides, are left alone.
 */
import { describe, expect, it } from 'vitest';
import { END_SPACING, fanEnds, spreadAngles } from '../../src/lib/core/map/fanEnds';
import type { Point } from '../../src/lib/core/map/geo';

const deg = (d: number) => (d * Math.PI) / 180;

describe('spreadAngles', () => {
  it.each([
    { angles: [0], want: [0], why: 'one angle stays' },
    { angles: [0, deg(90)], want: [0, deg(90)], why: 'angles far apart stay' },
    { angles: [0, 0], want: [deg(-8), deg(8)], why: 'two together part evenly about their middle' },
    {
      angles: [deg(2), 0, deg(1)],
      want: [deg(17), deg(-15), deg(1)],
      why: 'three together part in their order',
    },
  ])('$why', ({ angles, want }) => {
    const got = spreadAngles(angles, END_SPACING);
    got.forEach((a, i) => expect(a).toBeCloseTo(want[i]!, 6));
  });

  it('keeps a large group within the widest fan', () => {
    const got = spreadAngles(new Array(10).fill(0), END_SPACING, deg(90));
    expect(Math.max(...got) - Math.min(...got)).toBeCloseTo(deg(90), 6);
  });
});

describe('fanEnds', () => {
  /** A straight line from far to the west into the marker at [200, 100], `dy` px off at its start. */
  const into = (dy: number): Point[] =>
    Array.from({ length: 21 }, (_, i) => [i * 9.6, 100 + dy * (1 - i / 20)] as Point);
  const centres = new Map<string, Point>([
    ['A', [0, 100]],
    ['B', [200, 100]],
  ]);
  const angleAt = (line: Point[]) => {
    const [x, y] = line[line.length - 3]!;
    return Math.atan2(y - 100, x - 200);
  };

  it('turns the ends of lines that arrive together so they meet the marker apart', () => {
    const lines = [0, 1, 2].map((dy) => ({ points: into(dy), from: 'A', to: 'B' }));
    const before = lines.map((l) => angleAt(l.points));
    const after = fanEnds(lines, centres, 8).map(angleAt);
    const gap = (angles: number[]) =>
      Math.min(...angles.slice(1).map((a, i) => Math.abs(a - angles[i]!)));
    expect(gap(after)).toBeGreaterThan(gap(before) + deg(5));
  });

  it('leaves a lone line as it was', () => {
    const points = into(0);
    expect(fanEnds([{ points, from: 'A', to: 'B' }], centres, 8)[0]).toEqual(points);
  });
});
