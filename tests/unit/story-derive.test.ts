/**
 * What the loader works out so a story file can leave it out (passages, a group's marker, a
 * partial "as of"), what it does with a `?date=` outside the story, and that any JSON value
 * gives errors rather than a page stuck loading.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import {
  middleMember,
  names,
  passageFinder,
  passagesNaming,
  sphericalMean,
  withGroupAnchors,
} from '../../src/lib/core/story/derive';
import { clampToStory } from '../../src/lib/core/story/range';
import { mustParseDate, parseDay, toDay } from '../../src/lib/core/story/dates';
import { loadStory } from '../../src/lib/core/story/load';
import { parseStory } from '../../src/lib/core/story/validate';

describe('names', () => {
  it.each([
    ['Iran and Russia', ['Iran'], true],
    ['Iranian drones', ['Iran'], false],
    ['the U.S. and NATO', ['U.S.'], true],
    ['North Korea’s support', ['North Korea'], true],
    ['talks with Iran', ['Iran'], true],
    ['Iran2 and Iran', ['Iran'], true],
    ['Iran2 only', ['Iran'], false],
    ['the Irán file', ['Irán'], true],
    ['Niger and Nigeria', ['Nigeria', 'Niger'], true],
    ['Nigerian trade', ['Nigeria', 'Niger'], false],
    ['a 𝒜Iran', ['Iran'], false],
    ['a Iran𝒜', ['Iran'], false],
    ['an A-level', ['A'], false],
    ['  Iran  ', [' Iran '], true],
  ] as const)('“%s” names %j: %s', (text, words, expected) => {
    expect(names(text, words)).toBe(expected);
  });
});

describe('passages naming lists of words', () => {
  const passages = [
    { id: 'a', quote: 'Iran and Russia met.' },
    { id: 'b', quote: 'Russia alone.' },
    { id: 'c', quote: 'Iranian drones reached Russia and Iran.' },
    { id: 'd', quote: 'Nothing here.' },
  ];
  it.each([
    [[['Iran']], ['a', 'c']],
    [[['Russia']], ['a', 'b', 'c']],
    [
      [['Iran'], ['Russia']],
      ['a', 'c'],
    ],
    [
      [['Russia'], ['Iran']],
      ['a', 'c'],
    ],
    [[['Iran'], ['China']], []],
    [[[]], []],
    [[], ['a', 'b', 'c', 'd']],
  ] as const)('for %j: %j, as passagesNaming finds them', (lists, expected) => {
    const mutable = lists.map((l) => [...l]);
    expect(passagesNaming(passages, mutable)).toEqual(expected);
    const naming = passageFinder(passages);
    expect(naming(mutable)).toEqual(expected);
    expect(naming(mutable)).toEqual(expected); // the second ask reads what the first found
  });
});

describe('a group’s marker', () => {
  it('is the member nearest the middle of all, on a member’s own land', () => {
    // The plain mean of Canberra, London and Washington lies in Canada.
    const mean = sphericalMean([
      [149.128, -35.283],
      [-0.126, 51.509],
      [-77.036, 38.895],
    ])!;
    expect(mean[0]).toBeCloseTo(-74, 0);
    expect(
      middleMember([
        [149.128, -35.283],
        [-0.126, 51.509],
        [-77.036, 38.895],
      ]),
    ).toEqual([-77.036, 38.895]);
  });

  it('is given only to a group without an anchor that has members with anchors', () => {
    const json = {
      actors: [
        { id: 'A', anchor: [0, 10] },
        { id: 'B', anchor: [2, 10] },
        { id: 'G', members: [{ actor: 'A' }, { actor: 'B' }] },
        { id: 'H', anchor: [5, 5], members: [{ actor: 'A' }] },
        { id: 'E', members: [] },
      ],
    };
    const filled = withGroupAnchors(json).actors as { id: string; anchor?: number[] }[];
    expect(filled.map((a) => a.anchor)).toEqual([[0, 10], [2, 10], [0, 10], [5, 5], undefined]);
  });
});

describe('parseStory fills in what a story may leave out', () => {
  const story = {
    id: 's',
    title: 'T',
    asOf: '2024-06',
    article: { src: 's.txt', title: 'T' },
    credit: 'C',
    roles: [{ id: 'r', label: 'R', color: '#2f6f9f' }],
    passages: [{ id: 'p1', quote: 'Alpha and Beta signed a pact.' }],
    actors: [
      { id: 'A', name: 'Alpha', kind: 'country', role: 'r', anchor: [0, 0] },
      { id: 'B', name: 'Beta', kind: 'country', role: 'r', anchor: [10, 0] },
      { id: 'G', name: 'Group', kind: 'group', role: 'r', members: [{ actor: 'A', from: '2000' }] },
    ],
    relations: [
      {
        id: 'ab',
        type: 'alignment',
        label: 'pact',
        from: 'A',
        to: 'B',
        directed: false,
        periods: [{ from: '2024', status: 'in-force' }],
      },
    ],
  };

  it('accepts a partial "as of", a group with no anchor and relations and actors without passages', () => {
    const result = parseStory(
      { ...story, $schema: '../story.schema.json' },
      'Alpha and Beta signed a pact.',
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.story.relations[0]?.passages).toEqual(['p1']);
    expect(result.story.actors.map((a) => a.passages)).toEqual([['p1'], ['p1'], []]);
    expect(result.story.actors[2]?.anchor).toEqual([0, 0]);
    expect(result.story.draft).toBe(false);
  });
});

describe('clampToStory', () => {
  const story = {
    asOf: mustParseDate('2024-06-19'),
    events: [{ date: mustParseDate('1961-07-06') }, { date: mustParseDate('2024-12-04') }],
  } as unknown as Parameters<typeof clampToStory>[1];

  it.each([
    ['2000-07-19', false],
    ['0000-01-01', true],
    ['9999-12-31', true],
  ])('keeps %s inside the story (moved: %s)', (text, moved) => {
    const day = parseDay(text)!;
    const result = clampToStory(day, story);
    expect(result.notice !== undefined).toBe(moved);
    expect(result.day! > toDay(1960, 1, 1) && result.day! < toDay(2026, 1, 1)).toBe(true);
  });

  it('keeps a day the timeline slider reaches before the first event, for Back and Forward', () => {
    const early = parseDay('1961-03-01')!;
    expect(clampToStory(early, story)).toEqual({ day: early });
  });

  it('says which side the date was on and which day it shows', () => {
    expect(clampToStory(parseDay('0000-01-01'), story).notice).toMatch(
      /^0000-01-01 is before this story’s timeline; showing 6 July 1961\.$/,
    );
    expect(clampToStory(null, story)).toEqual({ day: null });
  });
});

describe('loadStory on any JSON value', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['null', '[]', '42', '"text"', 'true'])(
    'turns %s into an error, never a hang',
    async (body) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } })),
      );
      const result = await loadStory('odd', 'http://localhost/', { presentation: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.message).toMatch(/^must be a JSON object/);
    },
  );
});
