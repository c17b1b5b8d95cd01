/**
 * The slides' pure parts: fitting a caption's type, dashes that grow with thicker lines, what a
 * step involves (its actors, its day), and the per-step key rendered with `svelte/server`.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { parseStory } from '../../src/lib/core/story/validate';
import { indexStory } from '../../src/lib/core/story/model';
import { formatDay } from '../../src/lib/core/story/dates';
import type { Step } from '../../src/lib/core/story/schema';
import { sceneAt } from '../../src/lib/core/map/scene';
import { slideDash } from '../../src/lib/core/style/relationStyle';
import { pickLineLabels } from '../../src/lib/map/lineLabels';
import { CAPTION_FIT, fitScale } from '../../src/lib/present/fit';
import { stepActors, stepDay } from '../../src/lib/present/steps';
import StepKey from '../../src/lib/present/StepKey.svelte';

// The story with its presentation's steps, validated as the loader does when someone presents.
const result = parseStory(
  {
    ...JSON.parse(readFileSync('static/stories/russia-north-korea-2024.json', 'utf8')),
    ...JSON.parse(readFileSync('static/stories/russia-north-korea-2024.presentation.json', 'utf8')),
  },
  readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8'),
);
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const index = indexStory(result.story);
const steps: Step[] = result.story.steps;
const step = (id: string) => steps.find((s) => s.id === id)!;

describe('fitScale', () => {
  it.each([
    ['keeps the full size when the text fits', 99, { scale: 1, fits: true }],
    ['steps down until it fits', 0.9, { scale: 0.88, fits: true }],
    ['stops at the floor and says it does not fit', 0.5, { scale: CAPTION_FIT.min, fits: false }],
    ['reaches the floor exactly', CAPTION_FIT.min, { scale: CAPTION_FIT.min, fits: true }],
  ])('%s', (_, fitsBelow, expected) => {
    const result = fitScale((scale) => scale <= fitsBelow + 1e-9);
    expect(result.fits).toBe(expected.fits);
    expect(result.scale).toBeCloseTo(expected.scale, 6);
  });

  it('measures from the largest size down, each size once', () => {
    const tried: number[] = [];
    fitScale((scale) => (tried.push(scale), false));
    expect(tried[0]).toBe(1);
    expect(tried.at(-1)).toBeCloseTo(CAPTION_FIT.min, 6);
    expect(new Set(tried).size).toBe(tried.length);
  });
});

describe('slideDash', () => {
  it.each([
    ['', 2.5, ''],
    ['5 4', 0, '5 4'],
    ['5 4', 2.5, '10 8'],
    ['1 5', 2.5, '2 10'],
    ['10 4', 1.25, '15 6'],
  ])('%j with %d px more width is %j', (dash, boost, expected) => {
    expect(slideDash(dash, boost)).toBe(expected);
  });
});

describe('what a step involves', () => {
  it.each([
    ['treaty-1961', ['SUN', 'PRK'], '1961-07-06'],
    ['containers', ['PRK', 'RUS', 'USA'], '2024-02-23'],
    ['sanctions', ['UNSC', 'PRK', 'USA', 'RUS'], '2024-06-19'],
    ['wider-alignment', ['RUS', 'PRK', 'CHN', 'IRN'], '2024-06-19'],
  ])('%s: actors %j on %s', (id, actors, day) => {
    expect(stepActors(index, step(id))).toEqual(actors);
    expect(formatDay(stepDay(index, step(id))!)).toBe(day);
  });

  it('adds the ends of relations the step names but whose actors it does not list', () => {
    const bare = { ...step('pact-2024'), actors: [] };
    expect(stepActors(index, bare)).toEqual(['RUS', 'PRK']);
  });
});

describe('StepKey', () => {
  function keyOf(id: string): string {
    const s = step(id);
    return render(StepKey, {
      props: { index, step: s, scene: sceneAt(index, stepDay(index, s)!) },
    }).body;
  }

  it("lists the step's roles and kinds of line, with the status when not in force", () => {
    const html = keyOf('containers');
    expect(html).toContain('aria-label="Key for this step"');
    expect(html).toContain('Arms transfer (alleged)');
    expect(html).toContain('Criticism');
    // Before the pact was signed, Russia and North Korea hold their earlier role.
    expect(html).toContain('Russia and North Korea');
    expect(html).not.toContain('Parties to the 2024 pact');
    expect(html).toContain('The US and NATO');
    expect(html).not.toContain('Sanctions');
    expect(html).not.toContain('Historical state');
  });

  it('leaves out a state that no longer exists on the step’s day', () => {
    const html = keyOf('soviet-collapse');
    expect(html).not.toContain('Historical state');
    expect(html).toContain('Mutual-defence treaty (lapsed)');
  });
});

describe('pickLineLabels', () => {
  type P = [number, number];
  const bounds = { x: 0, y: 0, width: 1000, height: 600 };
  /** A straight line from a to b, sampled every 10 px, as the map reports its lines. */
  const sampled = (a: P, b: P): P[] => {
    const n = Math.max(1, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / 10));
    return Array.from({ length: n + 1 }, (_, i) => [
      a[0] + ((b[0] - a[0]) * i) / n,
      a[1] + ((b[1] - a[1]) * i) / n,
    ]);
  };
  const line = (id: string, kind: string, a: P, b: P) => ({
    id,
    kind,
    text: 'Arms transfer',
    points: sampled(a, b),
  });
  const measure = (text: string) => text.length * 8;
  const crosses = (box: { x: number; y: number; width: number; height: number }, points: P[]) =>
    points.some(
      ([x, y]) => x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height,
    );
  const arms = line('a', 'arms', [100, 300], [700, 300]);
  const war = line('b', 'war', [100, 400], [700, 400]);

  it.each([
    {
      why: 'labels one line of each kind',
      candidates: [arms, { ...war, kind: 'arms' }],
      room: {},
      want: ['a'],
    },
    { why: 'labels lines of different kinds', candidates: [arms, war], room: {}, want: ['a', 'b'] },
    {
      why: 'leaves a line unlabelled where strong lines close on both sides leave no clear spot',
      candidates: [arms],
      room: {
        lines: [arms.points, sampled([100, 292], [703, 292]), sampled([100, 308], [703, 308])],
      },
      want: [],
    },
    {
      why: 'skips a line whose every spot would leave the map, and labels the next of its kind',
      candidates: [line('a', 'arms', [0, 2], [20, 2]), { ...war, kind: 'arms' }],
      room: {},
      want: ['b'],
    },
  ])('$why', ({ candidates, room, want }) => {
    const picked = pickLineLabels(candidates, 16, { bounds, measure, ...room });
    expect(picked.map((p) => p.id)).toEqual(want);
  });

  it('sets the label beside its own line, near its middle, not on it', () => {
    const [label] = pickLineLabels([arms], 16, { bounds, measure, lines: [arms.points] });
    expect(crosses(label!.box, arms.points)).toBe(false);
    expect(Math.abs(label!.box.x + label!.box.width / 2 - 400)).toBeLessThan(1);
    const gap = Math.min(
      Math.abs(label!.box.y + label!.box.height - 300),
      Math.abs(label!.box.y - 300),
    );
    expect(gap).toBeLessThanOrEqual(10);
  });

  it('moves along its line, off the middle, where another line (faded or not) crosses there', () => {
    const across = sampled([400, 200], [400, 400]);
    const [label] = pickLineLabels([arms], 16, { bounds, measure, lines: [arms.points, across] });
    expect(crosses(label!.box, across)).toBe(false);
    expect(crosses(label!.box, arms.points)).toBe(false);
  });

  it('keeps off the actors’ labels and the markers, and off the line labels placed before it', () => {
    const actor = { x: 300, y: 270, width: 200, height: 60 };
    const close = line('c', 'war', [100, 320], [700, 320]);
    const picked = pickLineLabels([arms, close], 16, {
      bounds,
      measure,
      markers: [[250, 290]],
      taken: [actor],
      lines: [arms.points, close.points],
    });
    expect(picked.map((p) => p.id)).toEqual(['a', 'c']);
    const [a, c] = picked.map((p) => p.box);
    const overlaps = (p: typeof actor, q: typeof actor) =>
      p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
    expect(overlaps(a!, actor)).toBe(false);
    expect(overlaps(c!, actor)).toBe(false);
    expect(overlaps(a!, c!)).toBe(false);
    expect(overlaps(a!, { x: 234, y: 274, width: 32, height: 32 })).toBe(false);
  });

  it('is set out past a bundle of faded lines that run beside its own, over none of them', () => {
    const faded = [292, 308].map((y) => sampled([100, y], [703, y]));
    const [label] = pickLineLabels([arms], 16, {
      bounds,
      measure,
      lines: [arms.points, ...faded],
      strong: [arms.points],
    });
    expect(label).toBeDefined();
    for (const line of [arms.points, ...faded]) expect(crosses(label!.box, line)).toBe(false);
  });

  it('stays inside the map: a line along its top edge is labelled below it', () => {
    const top = line('a', 'arms', [100, 6], [700, 6]);
    const [label] = pickLineLabels([top], 16, { bounds, measure, lines: [top.points] });
    expect(label!.box.y).toBeGreaterThan(6);
  });
});
