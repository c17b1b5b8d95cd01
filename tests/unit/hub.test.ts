/**
 * The hub of a many-sided relation: where it sits and the one path that joins every side.
 */
import { describe, it, expect } from 'vitest';
import { HUB_GAP, hubArc, hubPoint } from '../../src/lib/core/map/hub';
import type { Point } from '../../src/lib/core/map/geo';

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('hubPoint', () => {
  it('puts the hub of an equilateral triangle at its centre', () => {
    const h = Math.sqrt(3) * 50;
    const hub = hubPoint([
      [0, 0],
      [100, 0],
      [50, h],
    ])!;
    expect(hub[0]).toBeCloseTo(50, 3);
    expect(hub[1]).toBeCloseTo(h / 3, 3);
  });

  it('keeps the hub near two close sides when the third is far away (Washington, Seoul, Tokyo)', () => {
    const washington: Point = [100, 300];
    const seoul: Point = [900, 300];
    const tokyo: Point = [930, 310];
    const hub = hubPoint([washington, seoul, tokyo])!;
    expect(dist(hub, seoul)).toBeLessThan(dist(hub, washington) / 5);
  });

  it.each([
    {
      name: 'a side at the median',
      points: [
        [100, 300],
        [900, 300],
        [930, 310],
      ] as Point[],
    },
    {
      name: 'three sides in one place',
      points: [
        [10, 10],
        [10, 10],
        [10, 10],
      ] as Point[],
    },
  ])('never hides the hub under a marker ($name)', ({ points }) => {
    const hub = hubPoint(points)!;
    for (const p of points) expect(dist(hub, p)).toBeGreaterThanOrEqual(HUB_GAP - 1e-6);
  });

  it('moves a hub that would sit on a marker down the screen, out of the labels’ lane', () => {
    const seoul: Point = [900, 300];
    const hub = hubPoint([[100, 300], seoul, [930, 310]])!;
    expect(hub[1]).toBeGreaterThan(seoul[1] + HUB_GAP / 2);
  });

  it('has no hub without sides', () => {
    expect(hubPoint([])).toBeNull();
  });
});

describe('hubArc', () => {
  it('draws one path: a ring and a spoke ending at each side', () => {
    const sides: Point[] = [
      [0, 0],
      [200, 0],
      [100, 150],
    ];
    const arc = hubArc(sides)!;
    expect(arc.d.match(/a/g)).toHaveLength(2); // the ring, in two half arcs
    expect(arc.d.match(/L/g)).toHaveLength(3); // one spoke per side
    for (const [x, y] of sides) expect(arc.d).toContain(`L${x.toFixed(1)},${y.toFixed(1)}`);
    expect(arc.mid).toEqual(hubPoint(sides));
  });

  it('draws nothing for fewer than two sides', () => {
    expect(hubArc([[5, 5]])).toBeNull();
  });
});
