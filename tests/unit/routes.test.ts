/**
 * Lines that read (routes.ts, emphasis.ts) and the key model's URL form (key.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  bowFor,
  clearBow,
  crossings,
  nearestLine,
  polylineDistance,
} from '../../src/lib/core/map/routes';
import { headlineRelations } from '../../src/lib/core/map/emphasis';
import { formatHidden, parseHidden } from '../../src/lib/core/map/hidden';
import type { DrawnRelation } from '../../src/lib/core/map/scene';
import type { Point } from '../../src/lib/core/map/geo';

/** A line from (0, 0) to (100, 0) bowed sideways by `bow` at its middle. */
const trace = (bow: number): Point[] =>
  Array.from({ length: 21 }, (_, i) => [i * 5, bow * Math.sin((Math.PI * i) / 20)] as Point);

describe('polylineDistance and crossings', () => {
  it.each([
    { p: [50, 0] as Point, d: 0 },
    { p: [50, 7] as Point, d: 7 },
    { p: [-3, 4] as Point, d: 5 },
  ])('measures $p as $d px from a straight line', ({ p, d }) => {
    expect(polylineDistance(p, trace(0))).toBeCloseTo(d, 9);
  });

  it('counts the markers a line passes close to', () => {
    expect(
      crossings(trace(0), [
        [50, 3],
        [50, 40],
        [20, -5],
      ]),
    ).toBe(2);
  });
});

describe('clearBow', () => {
  it('keeps the natural bow when nothing is in the way', () => {
    expect(clearBow(20, trace, [[50, -40]])).toBe(1);
  });

  it('bows the other way round a marker that sits on the natural route', () => {
    const factor = clearBow(20, trace, [[50, 20]]);
    expect(factor).toBeLessThan(0);
    expect(crossings(trace(bowFor(20, factor)), [[50, 20]])).toBe(0);
  });

  it('gives a straight line a few pixels of bow to step round a marker', () => {
    const factor = clearBow(0, trace, [[50, 0]]);
    expect(Math.abs(bowFor(0, factor))).toBeGreaterThan(10);
  });
});

describe('nearestLine', () => {
  const lines = [trace(0), trace(12), null];
  it.each([
    { p: [50, 2] as Point, index: 0 },
    { p: [50, 10] as Point, index: 1 },
    { p: [50, 60] as Point, index: -1 },
  ])('picks line $index for a click at $p', ({ p, index }) => {
    expect(nearestLine(p, lines)).toBe(index);
  });
});

describe('headlineRelations', () => {
  const drawn = (id: string, type: string, from: string, to: string) =>
    ({ relation: { id, type }, from, to }) as unknown as DrawnRelation;
  it('keeps treaties and every line between the two most connected actors', () => {
    const relations = [
      drawn('pact', 'mutual-defence', 'RUS', 'PRK'),
      drawn('arms', 'arms-transfer', 'PRK', 'RUS'),
      drawn('drills', 'drills-tension', 'USA', 'KOR'),
      drawn('crit', 'criticism', 'USA', 'RUS'),
      drawn('align', 'alignment', 'CHN', 'PRK'),
    ];
    expect([...headlineRelations(relations)].sort()).toEqual(['arms', 'pact']);
  });
});

describe('?hide=', () => {
  it.each([
    { value: null, hidden: [], unknown: [] },
    { value: 'sanctions', hidden: ['sanctions'], unknown: [] },
    { value: 'war, sanctions,bogus', hidden: ['sanctions', 'war'], unknown: ['bogus'] },
  ])('reads "$value"', ({ value, hidden, unknown }) => {
    const parsed = parseHidden(value);
    expect([...parsed.hidden].sort()).toEqual(hidden);
    expect(parsed.unknown).toEqual(unknown);
  });

  it('writes the hidden types in a stable order and reads them back', () => {
    const text = formatHidden(new Set(['war', 'arms-transfer'] as const));
    expect(text).toBe('arms-transfer,war');
    expect(formatHidden(parseHidden(text).hidden)).toBe(text);
  });
});
