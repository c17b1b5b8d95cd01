/**
 * What keeps a large story linear and responsive: relation lines cached between renders and
 * computed again only when their inputs change (arcCache.ts), markers found by grid cell
 * (routes.ts), work cut into slices (slices.ts), the check run a phase at a time (validate.ts)
 * or in a worker (its errors made cloneable), and the window of a long event list (track.ts).
 */
import { describe, expect, it } from 'vitest';
import { geoEqualEarth, geoMercator } from 'd3-geo';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  boundsOf,
  cachedGreatCircle,
  mayShow,
  Memo,
  sameInput,
} from '../../src/lib/core/map/arcCache';
import { crossings, ObstacleGrid } from '../../src/lib/core/map/routes';
import type { ArcPoints, Point } from '../../src/lib/core/map/geo';
import { eachInSlices, sliceBounds, yieldToMain } from '../../src/lib/core/story/slices';
import { cloneable, parseStory, parseStoryInSlices } from '../../src/lib/core/story/validate';
import { explainErrors } from '../../src/lib/core/story/messages';
import { windowAround } from '../../src/lib/core/timeline/track';

describe('sameInput', () => {
  const p: Point = [1, 2];
  it.each([
    { a: p, b: p, same: true, why: 'the same array' },
    { a: [1, 2], b: [1, 2], same: true, why: 'a point with the same numbers' },
    { a: [1, 2], b: [1, 3], same: false, why: 'a point moved' },
    { a: [1, 2], b: [1, 2, 3], same: false, why: 'a longer list' },
    { a: { k: 1, x: 0, y: 0 }, b: { k: 1, x: 0, y: 0 }, same: true, why: 'an equal view' },
    { a: { k: 1, x: 0, y: 0 }, b: { k: 2, x: 0, y: 0 }, same: false, why: 'a zoomed view' },
    { a: { k: 1, x: 0 }, b: { k: 1, x: 0, y: 0 }, same: false, why: 'a view with more fields' },
    { a: 4, b: 4, same: true, why: 'an equal number' },
    { a: NaN, b: NaN, same: true, why: 'NaN and NaN' },
    { a: 4, b: 4.5, same: false, why: 'another bow' },
    { a: [[1, 2]], b: [[1, 2]], same: false, why: 'nested arrays compared by identity' },
  ])('$why: $same', ({ a, b, same }) => {
    expect(sameInput(a, b)).toBe(same);
  });

  it('compares a projection by identity', () => {
    expect(sameInput(geoEqualEarth(), geoEqualEarth())).toBe(false);
  });
});

describe('Memo: a line is computed again only when its inputs change', () => {
  const view = { k: 1, x: 0, y: 0 };
  const base = { points: [], wraps: false };
  const inputs = (over: Partial<Record<string, unknown>> = {}) => {
    const all = { base, view, from: [0, 0], to: [10, 0], bow: 4, ...over };
    return [all.base, all.view, all.from, all.to, all.bow];
  };
  it.each([
    { change: 'nothing (new but equal objects)', next: inputs({ view: { ...view } }), again: 0 },
    { change: 'the zoom', next: inputs({ view: { k: 2, x: 0, y: 0 } }), again: 1 },
    { change: 'the pan', next: inputs({ view: { k: 1, x: 5, y: 0 } }), again: 1 },
    { change: 'an end (a marker moved)', next: inputs({ to: [11, 0] }), again: 1 },
    { change: 'the bow', next: inputs({ bow: -4 }), again: 1 },
    {
      change: 'the great circle (a new projection)',
      next: inputs({ base: { points: [], wraps: false } }),
      again: 1,
    },
  ])('after a change of $change: computed $again more time(s)', ({ next, again }) => {
    const memo = new Memo<string>();
    memo.get('r1', inputs(), () => 'first');
    const value = memo.get('r1', next, () => 'second');
    expect(memo.computed).toBe(1 + again);
    expect(value).toBe(again ? 'second' : 'first');
  });

  it('keeps each key apart', () => {
    const memo = new Memo<string>();
    memo.get('r1', inputs(), () => 'one');
    expect(memo.get('r2', inputs(), () => 'two')).toBe('two');
    expect(memo.get('r1', inputs(), () => 'again')).toBe('one');
    expect(memo.computed).toBe(2);
  });

  it('forgets, at the second sweep, what was not asked for since the first', () => {
    const memo = new Memo<number>();
    memo.get('kept', [], () => 1);
    memo.get('dropped', [], () => 2);
    memo.sweep();
    memo.get('kept', [], () => 1);
    memo.sweep();
    expect(memo.size).toBe(1);
    memo.get('dropped', [], () => 3);
    expect(memo.computed).toBe(3);
  });

  it.each([
    { asked: ['a', 'b', 'c', 'd'], kept: ['b', 'c', 'd'] },
    { asked: ['a', 'b', 'c', 'a', 'd'], kept: ['a', 'c', 'd'] },
    { asked: ['a', 'a', 'a', 'b'], kept: ['a', 'b'] },
  ])('with a limit of 3, after asking $asked keeps $kept', ({ asked, kept }) => {
    const memo = new Memo<string>({ limit: 3 });
    for (const key of asked) memo.get(key, [], () => key);
    expect(memo.size).toBe(kept.length);
    const before = memo.computed;
    for (const key of kept) memo.get(key, [], () => 'again');
    expect(memo.computed).toBe(before); // every kept key answered without computing
  });
});

describe('cachedGreatCircle: per projection and pair of ends', () => {
  const rus = { id: 'RUS', anchor: [37.6, 55.75] as Point };
  const prk = { id: 'PRK', anchor: [125.75, 39.02] as Point };
  const ukr = { id: 'UKR', anchor: [30.52, 50.45] as Point };

  it('projects a pair once for a projection, whatever the day asks again', () => {
    const memo = new Memo<ArcPoints>();
    const projection = geoEqualEarth();
    const first = cachedGreatCircle(memo, projection, rus, prk);
    expect(cachedGreatCircle(memo, projection, rus, prk)).toBe(first);
    expect(memo.computed).toBe(1);
    expect(first.points.length).toBeGreaterThan(2);
  });

  it.each([
    { what: 'another projection', projection: () => geoMercator(), from: rus, to: prk },
    { what: 'the same projection refitted', projection: null, from: rus, to: prk },
    {
      what: 'a day whose relation joins other actors',
      projection: () => geoEqualEarth(),
      from: ukr,
      to: prk,
    },
  ])('projects again for $what', ({ projection, from, to }) => {
    const memo = new Memo<ArcPoints>();
    const first = geoEqualEarth();
    const before = cachedGreatCircle(memo, first, rus, prk);
    const next = projection ? projection() : geoEqualEarth().scale(first.scale() * 2);
    const after = cachedGreatCircle(memo, next, from, to);
    expect(after).not.toBe(before);
    const [x, y] = next(from.anchor)!;
    expect(after.points[0]![0]).toBeCloseTo(x, 6);
    expect(after.points[0]![1]).toBeCloseTo(y, 6);
  });
});

describe('mayShow: lines wholly outside the view are not drawn', () => {
  const line: Point[] = [
    [100, 100],
    [200, 150],
    [300, 100],
  ];
  it.each([
    { view: { k: 1, x: 0, y: 0 }, show: true, why: 'in view' },
    { view: { k: 1, x: -1000, y: 0 }, show: false, why: 'panned far left' },
    { view: { k: 1, x: -380, y: 0 }, show: true, why: 'just past the edge, within the margin' },
    { view: { k: 4, x: -2000, y: -2000 }, show: false, why: 'zoomed in elsewhere' },
    { view: { k: 1, x: 0, y: 700 }, show: false, why: 'below the view' },
  ])('$why: $show', ({ view, show }) => {
    expect(mayShow(line, view, 500, 500, 100)).toBe(show);
  });
  it('never shows a line with no points', () => {
    expect(mayShow([], { k: 1, x: 0, y: 0 }, 500, 500, 100)).toBe(false);
  });
  it('keeps the box of a line', () => {
    expect(boundsOf(line)).toEqual({ x0: 100, y0: 100, x1: 300, y1: 150 });
    expect(boundsOf(line)).toBe(boundsOf(line));
  });
});

describe('ObstacleGrid counts what crossings counts', () => {
  const point = fc.tuple(
    fc.double({ min: -50, max: 900, noNaN: true }),
    fc.double({ min: -50, max: 600, noNaN: true }),
  );
  it('for any markers and any line, leaving out its own ends', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 60 }),
        fc.array(point, { minLength: 1, maxLength: 30 }),
        (markers, line) => {
          const grid = new ObstacleGrid(markers as Point[]);
          const ends = [markers[0], markers[1]].filter((p): p is [number, number] => !!p);
          const others = (markers as Point[]).filter((p) => !ends.includes(p));
          expect(grid.crossings(line as Point[], ends as Point[])).toBe(
            crossings(line as Point[], others),
          );
        },
      ),
    );
  });
  it('with no markers, counts none', () => {
    expect(
      new ObstacleGrid([]).crossings([
        [0, 0],
        [10, 10],
      ]),
    ).toBe(0);
  });
});

describe('slices', () => {
  it.each([
    { count: 0, size: 3, bounds: [] },
    { count: 3, size: 3, bounds: [[0, 3]] },
    {
      count: 7,
      size: 3,
      bounds: [
        [0, 3],
        [3, 6],
        [6, 7],
      ],
    },
    { count: 2, size: 400, bounds: [[0, 2]] },
  ])('$count items in slices of $size', ({ count, size, bounds }) => {
    expect(sliceBounds(count, size)).toEqual(bounds);
  });
  it('refuses an empty slice', () => {
    expect(() => sliceBounds(3, 0)).toThrow(RangeError);
  });

  it('runs every item in order, pausing between slices, never after the last', async () => {
    const seen: number[] = [];
    const progress: number[] = [];
    let pauses = 0;
    await eachInSlices([10, 11, 12, 13, 14], (item) => seen.push(item), {
      size: 2,
      onProgress: (done) => progress.push(done),
      pause: async () => void pauses++,
    });
    expect(seen).toEqual([10, 11, 12, 13, 14]);
    expect(progress).toEqual([2, 4, 5]);
    expect(pauses).toBe(2);
  });

  it('stops between slices when aborted', async () => {
    const abort = new AbortController();
    const seen: number[] = [];
    const run = eachInSlices([1, 2, 3, 4], (item) => seen.push(item), {
      size: 2,
      signal: abort.signal,
      pause: async () => abort.abort(new Error('gone')),
    });
    await expect(run).rejects.toThrow('gone');
    expect(seen).toEqual([1, 2]);
  });

  it('hands the thread back: a queued task runs before the yield resolves', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((ok) => setTimeout(ok, 0));
    await yieldToMain();
    order.push('after');
    expect(order).toEqual(['timer', 'after']);
  });
});

describe('parseStoryInSlices', () => {
  const json = JSON.parse(readFileSync('static/stories/russia-north-korea-2024.json', 'utf8'));
  const article = readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');

  it('gives what parseStory gives, a phase per pause', async () => {
    const phases: string[] = [];
    let pauses = 0;
    const sliced = await parseStoryInSlices(json, article, {
      onPhase: (phase) => phases.push(phase),
      pause: async () => void pauses++,
    });
    // Compared as the app would pass them on (the parsed dates are plain data).
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(parseStory(json, article)));
    expect(phases).toEqual(['schema', 'references', 'passages']);
    expect(pauses).toBe(3);
  });

  it.each([
    { what: 'a story with a wrong reference', json: { ...json, actors: [] }, phases: 2 },
    { what: 'not a story at all', json: [], phases: 0 },
  ])('reports the same errors for $what, stopping early', async ({ json: broken, phases }) => {
    const seen: string[] = [];
    const sliced = await parseStoryInSlices(broken, article, {
      onPhase: (phase) => seen.push(phase),
      pause: async () => {},
    });
    expect(sliced.ok).toBe(false);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(parseStory(broken, article)));
    expect(seen).toHaveLength(phases);
  });
});

describe('cloneable: errors a worker can hand to the page', () => {
  const json = JSON.parse(readFileSync('static/stories/russia-north-korea-2024.json', 'utf8'));
  const article = readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');
  const [first, ...others] = json.actors;
  it.each([
    { what: 'a wrong type', json: { ...json, title: 7 } },
    { what: 'a field missing', json: { ...json, title: undefined } },
    {
      what: 'an unknown kind',
      json: { ...json, actors: [{ ...first, kind: 'planet' }, ...others] },
    },
    { what: 'an empty name', json: { ...json, actors: [{ ...first, name: '' }, ...others] } },
    { what: 'an impossible date', json: { ...json, asOf: '2024-02-30' } },
    // Refused by a check whose requirement is a function: that one cannot be cloned as it is.
    { what: 'a date in words', json: { ...json, asOf: 'June 2024' } },
    { what: 'a wrong reference', json: { ...json, actors: [] } },
  ])('survive structuredClone and read as before, for $what', async ({ json: broken }) => {
    const result = parseStory(broken, article);
    if (result.ok) throw new Error('expected errors');
    const crossed = structuredClone(result.errors.map(cloneable));
    expect(explainErrors(crossed, article)).toEqual(explainErrors(result.errors, article));
  });
});

describe('windowAround: the part of a long list that is drawn', () => {
  it.each([
    { count: 5, at: 2, size: 10, range: [0, 5], why: 'a short list is drawn whole' },
    { count: 1000, at: 500, size: 100, range: [450, 550], why: 'centred on the item' },
    { count: 1000, at: 10, size: 100, range: [0, 100], why: 'held at the start' },
    { count: 1000, at: 990, size: 100, range: [900, 1000], why: 'held at the end' },
    { count: 1000, at: -1, size: 100, range: [0, 100], why: 'no item: the start' },
  ])('$why', ({ count, at, size, range }) => {
    expect(windowAround(count, at, size)).toEqual(range);
  });
});
