/**
 * Label placement keeps what it worked out for one set of markers and options (labels.ts's
 * plan) for the next placement: a later placement must come out as a fresh one would, whether
 * the plan was kept (only priorities changed) or had to be made again (anything else changed).
 */
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelOptions, type LabelRequest } from '../../src/lib/core/map/labels';
import type { Point } from '../../src/lib/core/map/geo';

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A crowded map: `n` markers in a 500 × 260 px box, with lines across it. */
function crowd(seed: number, n: number) {
  const r = random(seed);
  const requests: LabelRequest[] = Array.from({ length: n }, (_, i) => ({
    id: `A${i}`,
    at: [20 + r() * 460, 20 + r() * 220] as Point,
    names: i % 2 ? [`Country ${i}`, `C${i}`] : [`Land ${i}`],
    priority: Math.floor(r() * 10),
  }));
  const lines = Array.from({ length: 6 }, () =>
    Array.from({ length: 6 }, () => [r() * 500, r() * 260] as Point),
  );
  const options: LabelOptions = {
    fontSize: 12,
    radius: 6,
    bounds: { x: 0, y: 0, width: 500, height: 260 },
    reserved: [{ x: 0, y: 0, width: 90, height: 30 }],
    measure: (text) => text.length * 7,
    lines,
  };
  return { r, requests, options };
}

/** A placement with nothing kept: the measure is a new function, so no plan matches. */
const fresh = (requests: readonly LabelRequest[], options: LabelOptions) =>
  placeLabels(requests, { ...options, measure: (text) => options.measure(text) });

describe('placeLabels, placing again', () => {
  it.each([
    { seed: 1, n: 12 },
    { seed: 2, n: 40 },
    { seed: 3, n: 80 },
  ])(
    'gives a fresh placement’s labels when only the priorities change ($n markers)',
    ({ seed, n }) => {
      const { r, requests, options } = crowd(seed, n);
      placeLabels(requests, options);
      for (let round = 0; round < 3; round++) {
        const again = requests.map((q) => ({ ...q, priority: Math.floor(r() * 10) }));
        expect(placeLabels(again, options)).toEqual(fresh(again, options));
      }
    },
  );

  it.each([
    {
      why: 'a marker moved in place (the same point array)',
      change: ({ requests }: ReturnType<typeof crowd>) => {
        requests[0]!.at[0] += 30;
      },
    },
    {
      why: 'a reserved box grew in place',
      change: ({ options }: ReturnType<typeof crowd>) => {
        options.reserved![0]!.width += 200;
      },
    },
    {
      why: 'the bounds narrowed in place',
      change: ({ options }: ReturnType<typeof crowd>) => {
        options.bounds.width -= 150;
      },
    },
    {
      why: 'a name changed',
      change: ({ requests }: ReturnType<typeof crowd>) => {
        (requests[1]!.names as string[])[0] = 'A much longer name than before';
      },
    },
  ])('sees that $why', ({ change }) => {
    const world = crowd(4, 30);
    placeLabels(world.requests, world.options);
    change(world);
    expect(placeLabels(world.requests, world.options)).toEqual(
      fresh(world.requests, world.options),
    );
  });

  it('makes the plan again for other lines (a new array of them)', () => {
    const { requests, options } = crowd(5, 30);
    placeLabels(requests, options);
    const lines = [[[0, 130] as Point, [500, 130] as Point]];
    expect(placeLabels(requests, { ...options, lines })).toEqual(
      fresh(requests, { ...options, lines }),
    );
  });
});
