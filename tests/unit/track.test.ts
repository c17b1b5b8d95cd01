/**
 * The geometry of the timeline track (src/lib/core/timeline/track.ts): the padded date range, where
 * a day falls along the track, the year ticks and their labels, and the rows that keep
 * overlapping spans apart.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  bandLabels,
  wordCuts,
  dayToX,
  spanRows,
  trackDomain,
  yearTicks,
  type Domain,
} from '../../src/lib/core/timeline/track';
import { formatDay, mustParseDate, parseDay, type Day } from '../../src/lib/core/story/dates';
import { indexStory, spanExtent, type SpanExtent } from '../../src/lib/core/story/model';
import { parseStory } from '../../src/lib/core/story/validate';

/** Table-driven tests named by full sentences (`it.each` quotes and truncates `$name`). */
function table<T>(rows: readonly T[], title: (row: T) => string, run: (row: T) => void): void {
  for (const row of rows) it(title(row), () => run(row));
}

/** `YYYY-MM-DD` → day number, for readable tables. */
function day(text: string): Day {
  const d = parseDay(text);
  if (d === null) throw new Error(`bad fixture date ${text}`);
  return d;
}

/** The domain the app's timeline uses for the real story: every event and the story's date. */
const story = (() => {
  const json: unknown = JSON.parse(
    readFileSync('static/stories/russia-north-korea-2024.json', 'utf8'),
  );
  const article = readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');
  const result = parseStory(json, article);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return indexStory(result.story);
})();
const storyDays = [...story.chronology.map((e) => e.date.earliest), story.story.asOf.earliest];
const storyDomain = trackDomain(storyDays);

// ---------------------------------------------------------------------------------------------

describe('trackDomain', () => {
  table<{ name: string; days: Day[]; start: Day; end: Day }>(
    [
      {
        name: 'a single day is padded by at least 180 days on each side',
        days: [day('2000-07-19')],
        start: day('2000-07-19') - 180,
        end: day('2000-07-19') + 180,
      },
      {
        name: 'a short range (one year) is padded by the 180-day minimum',
        days: [day('2024-01-01'), day('2024-12-31')],
        start: day('2024-01-01') - 180,
        end: day('2024-12-31') + 180,
      },
      {
        // 21,915 days: 2% is 438.3, rounded outwards to 439 days on each side.
        name: 'a long range (60 years) is padded by 2% of its length, rounded outwards',
        days: [day('1961-07-06'), day('2021-07-06')],
        start: day('1960-04-23'),
        end: day('2022-09-18'),
      },
      {
        name: 'days given out of order give the same domain as sorted days',
        days: [day('2024-12-04'), day('1961-07-06'), day('2000-07-19')],
        start: day('1960-03-29'),
        end: day('2026-03-13'),
      },
      {
        // 10,039 days: 2% is 200.78, so 201 days on each side.
        name: 'days before 1970 (negative day numbers) are padded the same way',
        days: [day('1922-12-30'), day('1950-06-25')],
        start: day('1922-06-12'),
        end: day('1951-01-12'),
      },
    ],
    (c) => c.name,
    ({ days, start, end }) => {
      const domain = trackDomain(days);
      expect(domain).toEqual({ start, end });
      expect(Number.isInteger(domain.start) && Number.isInteger(domain.end)).toBe(true);
    },
  );

  it('pads both ends of the story’s own range, by the same amount give or take a rounding day', () => {
    const first = Math.min(...storyDays);
    const last = Math.max(...storyDays);
    expect(storyDomain.start).toBeLessThan(first);
    expect(storyDomain.end).toBeGreaterThan(last);
    expect(Math.abs(first - storyDomain.start - (storyDomain.end - last))).toBeLessThanOrEqual(1);
    expect(first - storyDomain.start).toBeGreaterThanOrEqual(180);
  });
});

// ---------------------------------------------------------------------------------------------

describe('dayToX', () => {
  const domains: { name: string; domain: Domain }[] = [
    { name: 'the story’s domain', domain: storyDomain },
    { name: 'one year', domain: { start: day('2024-01-01'), end: day('2025-01-01') } },
    { name: 'a domain before 1970', domain: { start: day('1922-01-01'), end: day('1961-07-06') } },
  ];

  for (const { name, domain } of domains)
    describe(`on ${name}`, () => {
      it.each([320, 800, 1600])(
        'maps the start to 0, the end to the width and the middle to half of it, %ipx wide',
        (width) => {
          expect(dayToX(domain, domain.start, width)).toBe(0);
          expect(dayToX(domain, domain.end, width)).toBeCloseTo(width, 9);
          expect(dayToX(domain, (domain.start + domain.end) / 2, width)).toBeCloseTo(width / 2, 9);
        },
      );

      it('keeps later days to the right of earlier ones', () => {
        const xs = [0, 0.1, 0.5, 0.9, 1].map((f) =>
          dayToX(domain, domain.start + f * (domain.end - domain.start), 1000),
        );
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      });
    });

  it('puts days outside the domain outside the track', () => {
    const domain = { start: 0, end: 100 };
    expect(dayToX(domain, -10, 1000)).toBeLessThan(0);
    expect(dayToX(domain, 110, 1000)).toBeGreaterThan(1000);
  });

  it('gives a finite position on an empty domain (start equals end)', () => {
    expect(Number.isFinite(dayToX({ start: 10, end: 10 }, 10, 500))).toBe(true);
  });

  it('gives 0 everywhere on a track of width 0 (before it is measured)', () => {
    expect(dayToX(storyDomain, storyDomain.end, 0)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('yearTicks', () => {
  const cases: { name: string; domain: Domain; width: number }[] = [
    { name: 'the story’s domain on a wide track', domain: storyDomain, width: 1600 },
    { name: 'the story’s domain on a laptop', domain: storyDomain, width: 900 },
    { name: 'the story’s domain on a phone', domain: storyDomain, width: 320 },
    { name: 'the story’s domain on a very narrow track', domain: storyDomain, width: 80 },
    { name: 'ten years', domain: trackDomain([day('2014-03-01'), day('2024-06-19')]), width: 600 },
    { name: 'a single day', domain: trackDomain([day('2000-07-19')]), width: 600 },
    {
      name: 'a domain starting on 1 January',
      domain: { start: day('2000-01-01'), end: day('2010-01-01') },
      width: 500,
    },
    {
      name: 'a domain before 1970',
      domain: { start: day('1900-05-01'), end: day('1961-07-06') },
      width: 700,
    },
    {
      name: 'two centuries',
      domain: { start: day('1800-01-01'), end: day('2000-01-01') },
      width: 1000,
    },
  ];

  table(
    cases,
    (c) => `puts every tick inside the domain, on 1 January, oldest first: ${c.name}, ${c.width}px`,
    ({ domain, width }) => {
      const ticks = yearTicks(domain, width);
      for (const tick of ticks) {
        expect(tick.day).toBeGreaterThanOrEqual(domain.start);
        expect(tick.day).toBeLessThanOrEqual(domain.end);
        expect(formatDay(tick.day)).toBe(`${tick.year}-01-01`);
        const x = dayToX(domain, tick.day, width);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
      }
      const years = ticks.map((t) => t.year);
      expect(years).toEqual([...new Set(years)].sort((a, b) => a - b));
    },
  );

  table(
    cases.filter((c) => c.width >= 300),
    (c) => `spaces the labelled years at least about 44px apart: ${c.name}`,
    ({ domain, width }) => {
      const xs = yearTicks(domain, width)
        .filter((t) => t.label)
        .map((t) => dayToX(domain, t.day, width));
      for (let i = 1; i < xs.length; i++) {
        // A labelled year is 365 or 366 days, so the gap can fall a hair short of the 44px target.
        expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(44 * 0.99);
      }
    },
  );

  it('labels fewer years as the track gets narrower', () => {
    const widths = [2400, 1600, 1200, 900, 600, 320, 160];
    const labelled = widths.map((w) => yearTicks(storyDomain, w).filter((t) => t.label).length);
    for (let i = 1; i < labelled.length; i++)
      expect(labelled[i]).toBeLessThanOrEqual(labelled[i - 1] ?? Infinity);
    expect(labelled[labelled.length - 1]).toBeLessThan(labelled[0] ?? 0);
    expect(labelled[0]).toBeGreaterThan(0);
  });

  table<{ name: string; width: number; every: number }>(
    [
      { name: 'a wide track labels every 2 years', width: 2400, every: 2 },
      { name: 'a laptop-wide track labels every 5 years', width: 900, every: 5 },
      { name: 'a phone-wide track labels every 10 years', width: 320, every: 10 },
      { name: 'a very narrow track labels every 20 years', width: 160, every: 20 },
    ],
    (c) => `on the story’s 64 years, ${c.name} (${c.width}px)`,
    ({ width, every }) => {
      const labels = yearTicks(storyDomain, width)
        .filter((t) => t.label)
        .map((t) => t.year);
      expect(labels.length).toBeGreaterThan(0);
      for (const year of labels) expect(year % every).toBe(0);
      for (let i = 1; i < labels.length; i++)
        expect((labels[i] ?? 0) - (labels[i - 1] ?? 0)).toBe(every);
    },
  );

  it('labels every year on a short domain with room to spare', () => {
    const domain = { start: day('2019-06-01'), end: day('2024-06-01') };
    const ticks = yearTicks(domain, 1000);
    expect(ticks.map((t) => t.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(ticks.every((t) => t.label)).toBe(true);
  });

  it('ticks every year while years are at least 4px apart, only at labels when they are closer', () => {
    const wide = yearTicks(storyDomain, 900);
    expect(wide.map((t) => t.year)).toEqual(
      Array.from({ length: wide.length }, (_, i) => (wide[0]?.year ?? 0) + i),
    );
    const narrow = yearTicks(storyDomain, 160);
    expect(narrow.every((t) => t.label)).toBe(true);
  });

  it('does not throw on a track of width 0 (before it is measured), and ticks only whole centuries', () => {
    const ticks = yearTicks(storyDomain, 0);
    for (const t of ticks) expect(t.year % 100).toBe(0);
  });

  it('puts the ticks of a domain in the years 0050–0080 inside the domain', () => {
    const domain = { start: mustParseDate('0050').earliest, end: mustParseDate('0080').earliest };
    const ticks = yearTicks(domain, 600);
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) {
      expect(tick.day).toBeGreaterThanOrEqual(domain.start);
      expect(tick.day).toBeLessThanOrEqual(domain.end);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('spanRows', () => {
  /** A span from `from` to `to` (null: still running), given as day numbers. */
  function extent(id: string, from: Day, to: Day | null): SpanExtent {
    return {
      span: {
        id,
        label: id,
        from: formatDay(from),
        to: to === null ? undefined : formatDay(to),
        relations: [],
        kind: 'era',
      },
      from: { day: from, latest: from, date: mustParseDate(formatDay(from)) },
      to: to === null ? null : { day: to, latest: to, date: mustParseDate(formatDay(to)) },
      length: null,
      longest: null,
      approximate: false,
    };
  }

  /** Whether two extents share a day (an open one runs to openEnd). */
  function overlap(a: SpanExtent, b: SpanExtent, openEnd: Day): boolean {
    return a.from.day <= (b.to?.day ?? openEnd) && b.from.day <= (a.to?.day ?? openEnd);
  }

  table<{
    name: string;
    spans: [Day, Day | null][];
    openEnd?: Day;
    room?: number;
    rows: number[];
  }>(
    [
      { name: 'no spans need no rows', spans: [], rows: [] },
      { name: 'one span goes on row 0', spans: [[0, 10]], rows: [0] },
      {
        name: 'two spans that do not overlap both go on row 0',
        spans: [
          [0, 10],
          [20, 30],
        ],
        rows: [0, 0],
      },
      {
        name: 'three spans one after another all go on row 0',
        spans: [
          [0, 10],
          [11, 20],
          [21, 30],
        ],
        rows: [0, 0, 0],
      },
      {
        name: 'two overlapping spans go on different rows',
        spans: [
          [0, 10],
          [5, 15],
        ],
        rows: [0, 1],
      },
      {
        name: 'a span inside another goes on the next row',
        spans: [
          [0, 100],
          [10, 20],
        ],
        rows: [0, 1],
      },
      {
        name: 'three spans that all overlap take three rows',
        spans: [
          [0, 100],
          [10, 90],
          [20, 80],
        ],
        rows: [0, 1, 2],
      },
      {
        name: 'a span starting the day another ends is kept apart from it',
        spans: [
          [0, 10],
          [10, 20],
        ],
        rows: [0, 1],
      },
      {
        name: 'a later span reuses the first row that has come free',
        spans: [
          [0, 10],
          [5, 30],
          [20, 40],
        ],
        rows: [0, 1, 0],
      },
      {
        name: 'a later span takes row 1 when only row 1 has come free',
        spans: [
          [0, 50],
          [5, 10],
          [20, 40],
        ],
        rows: [0, 1, 1],
      },
      {
        name: 'a running span blocks its row up to the open end',
        spans: [
          [0, null],
          [50, 60],
        ],
        openEnd: 100,
        rows: [0, 1],
      },
      {
        name: 'two running spans take two rows',
        spans: [
          [0, null],
          [50, null],
        ],
        openEnd: 100,
        rows: [0, 1],
      },
      {
        name: 'a span after the open end can share a running span’s row',
        spans: [
          [0, null],
          [150, 160],
        ],
        openEnd: 100,
        rows: [0, 0],
      },
      {
        name: 'a span too short for its name takes a row with room for it before the span',
        spans: [
          [0, 90],
          [60, 92],
          [95, null],
        ],
        openEnd: 100,
        room: 20,
        rows: [0, 1, 2],
      },
      {
        name: 'a short span shares a row whose last span ended far enough before it',
        spans: [
          [0, 40],
          [30, 96],
          [90, 95],
        ],
        openEnd: 100,
        room: 20,
        rows: [0, 1, 0],
      },
      {
        name: 'a long span needs no room before it',
        spans: [
          [0, 40],
          [41, 90],
        ],
        room: 20,
        rows: [0, 0],
      },
    ],
    (c) => c.name,
    ({ spans, openEnd = 1000, rows, room = 0 }) => {
      const extents = spans.map(([from, to], i) => extent(`s${i}`, from, to));
      expect(spanRows(extents, openEnd, room)).toEqual(rows);
    },
  );

  it('never puts two overlapping spans of the story on the same row', () => {
    const extents = story.story.spans
      .map((s) => spanExtent(story.events, s))
      .filter((x): x is SpanExtent => x !== null);
    const rows = spanRows(extents, storyDomain.end);
    expect(rows).toHaveLength(extents.length);
    extents.forEach((a, i) =>
      extents.forEach((b, j) => {
        if (i < j && rows[i] === rows[j])
          expect(overlap(a, b, storyDomain.end), `${a.span.id} / ${b.span.id}`).toBe(false);
      }),
    );
    // The 2000 treaty and the 24 years between the visits overlap: they must not collide.
    const byId = new Map(extents.map((x, i) => [x.span.id, rows[i]]));
    expect(byId.get('treaty-2000-life')).not.toBe(byId.get('gap-24-years'));
    // The 1961 treaty ended before the 2000 treaty began: they share the first row.
    expect(byId.get('treaty-1961-life')).toBe(0);
    expect(byId.get('treaty-2000-life')).toBe(0);
  });

  it('never puts two overlapping spans on the same row, for many spans in any order', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const extents = Array.from({ length: 12 }, (_, i) => {
        const from = Math.floor(next() * 1000);
        const open = next() < 0.1;
        return extent(`s${i}`, from, open ? null : from + Math.floor(next() * 200));
      });
      const rows = spanRows(extents, 1200);
      for (const r of rows) expect(r).toBeGreaterThanOrEqual(0);
      extents.forEach((a, i) =>
        extents.forEach((b, j) => {
          if (i < j && rows[i] === rows[j])
            expect(overlap(a, b, 1200), `round ${round}: ${a.span.id} / ${b.span.id}`).toBe(false);
        }),
      );
    }
  });

  it('puts two non-overlapping spans on row 0 even when the later one is listed first', () => {
    expect(spanRows([extent('late', 20, 30), extent('early', 0, 10)], 1000)).toEqual([0, 0]);
  });
});

describe('wordCuts', () => {
  it.each([
    {
      name: '2000 friendship treaty in force',
      cuts: ['2000 friendship treaty…', '2000 friendship…', '2000…'],
    },
    { name: 'War', cuts: [] },
    { name: 'Gap · 24 years', cuts: ['Gap · 24…', 'Gap…'] },
  ])('shortens "$name" at its words', ({ name, cuts }) => {
    expect(wordCuts(name)).toEqual(cuts);
  });
});

describe('bandLabels', () => {
  const measure = (text: string) => text.length * 6;
  const band = (x0: number, x1: number, row: number, ...names: string[]) => ({
    x0,
    x1,
    row,
    names,
  });
  it.each([
    {
      why: 'a name that fits sits inside its band',
      bands: [band(0, 200, 0, 'Treaty in force')],
      want: [{ text: 'Treaty in force', x: 4, anchor: 'start', outside: false }],
    },
    {
      why: 'the shorter name where only it fits inside',
      bands: [band(0, 60, 0, 'Gap · 24 years', 'Gap')],
      want: [{ text: 'Gap', x: 4, anchor: 'start', outside: false }],
    },
    {
      why: 'a narrow band at the end of the track is named before it, in its row',
      bands: [band(0, 100, 0, 'Era'), band(270, 290, 1, 'War since 2022')],
      want: [
        { text: 'Era', x: 4, anchor: 'start', outside: false },
        { text: 'War since 2022', x: 266, anchor: 'end', outside: true },
      ],
    },
    {
      why: 'a narrow band with room after it is named after it',
      bands: [band(20, 30, 0, 'Visit')],
      want: [{ text: 'Visit', x: 34, anchor: 'start', outside: true }],
    },
    {
      why: 'a band hemmed in by its row is shortened at a word, with an ellipsis',
      bands: [
        band(0, 100, 0, 'First'),
        band(104, 220, 0, '2000 friendship treaty in force'),
        band(224, 300, 0, 'Third'),
      ],
      want: [
        { text: 'First', x: 4, anchor: 'start', outside: false },
        { text: '2000 friendship…', x: 108, anchor: 'start', outside: false },
        { text: 'Third', x: 228, anchor: 'start', outside: false },
      ],
    },
    {
      why: 'a name is never cut inside a word: a band that cannot hold its first word has none',
      bands: [
        band(0, 100, 0, 'First'),
        band(104, 170, 0, 'Friendship treaty'),
        band(174, 300, 0, 'Third'),
      ],
      want: [
        { text: 'First', x: 4, anchor: 'start', outside: false },
        null,
        { text: 'Third', x: 178, anchor: 'start', outside: false },
      ],
    },
    {
      why: 'a sliver is named beside it, shortened at a word, where only that fits',
      bands: [band(0, 200, 0, 'Long era'), band(280, 290, 0, '2024 treaty in force')],
      want: [
        { text: 'Long era', x: 4, anchor: 'start', outside: false },
        { text: '2024 treaty…', x: 276, anchor: 'end', outside: true },
      ],
    },
    {
      why: 'a sliver with no room anywhere has no label',
      bands: [band(0, 148, 0, 'Long era one'), band(150, 154, 0, 'Pact'), band(156, 300, 0, 'Era')],
      want: [
        { text: 'Long era one', x: 4, anchor: 'start', outside: false },
        null,
        { text: 'Era', x: 160, anchor: 'start', outside: false },
      ],
    },
  ])('$why', ({ bands, want }) => {
    expect(bandLabels(bands, 300, measure)).toEqual(want);
  });
});
