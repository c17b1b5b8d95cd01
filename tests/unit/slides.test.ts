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
  const bounds = { x: 0, y: 0, width: 1000, height: 600 };
  const line = (id: string, kind: string, mid: [number, number]) => ({
    id,
    kind,
    text: 'Arms transfer',
    mid,
  });
  it.each([
    [
      'labels one line of each kind',
      [line('a', 'arms', [200, 200]), line('b', 'arms', [600, 400])],
      [],
      ['a'],
    ],
    [
      'labels lines of different kinds',
      [line('a', 'arms', [200, 200]), line('b', 'war', [600, 400])],
      [],
      ['a', 'b'],
    ],
    [
      'skips a label that would overlap one placed',
      [line('a', 'arms', [200, 200]), line('b', 'war', [210, 205])],
      [],
      ['a'],
    ],
    ['skips a label that would leave the map', [line('a', 'arms', [990, 200])], [], []],
    [
      'skips a label over a marker, and tries the next line of its kind',
      [line('a', 'arms', [200, 200]), line('b', 'arms', [600, 400])],
      [[200, 190]],
      ['b'],
    ],
  ] as const)('%s', (_, candidates, markers, expected) => {
    const picked = pickLineLabels(candidates, 16, bounds, markers as unknown as [number, number][]);
    expect(picked.map((p) => p.id)).toEqual(expected);
  });
});
