/**
 * The story as of one day: relation status by period, group membership, which actors exist,
 * and which actor stands in for a state that has ceased.
 */
import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import {
  actorExistsAt,
  membersAt,
  relationStart,
  relationStateAt,
  standInAt,
} from '../../src/lib/core/story/asof';
import { parseDay, type Day } from '../../src/lib/core/story/dates';
import {
  ActorSchema,
  RelationSchema,
  type Actor,
  type Relation,
} from '../../src/lib/core/story/schema';

function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === null) throw new Error(`test setup: ${text} did not parse`);
  return parsed;
}

function actor(json: Record<string, unknown>): Actor {
  return v.parse(ActorSchema, {
    kind: 'country',
    role: 'r',
    anchor: [0, 0],
    name: String(json.id),
    ...json,
  });
}

function relation(json: Record<string, unknown>): Relation {
  return v.parse(RelationSchema, {
    id: 'rel',
    type: 'mutual-defence',
    label: 'a treaty',
    from: 'A',
    to: 'B',
    directed: false,
    passages: ['p'],
    ...json,
  });
}

/** Like the 2024 pact: reported until it enters into force, then in force with no end. */
const pact = relation({
  id: 'pact-2024',
  periods: [
    { from: '2024-06-19', to: '2024-12-04', status: 'reported' },
    { from: '2024-12-04', status: 'in-force' },
  ],
});

/** Like the 1961 treaty: in force, then lapsed on a day sources put anywhere in 1995 – 10 September 1996. */
const treaty = relation({
  id: 'treaty-1961',
  periods: [
    { from: '1961-07-06', to: '1995/1996-09-10', status: 'in-force' },
    { from: '1995/1996-09-10', status: 'lapsed' },
  ],
});

/** Alleged from a month, then a gap with nothing known, then denied for a year. */
const patchy = relation({
  id: 'patchy',
  type: 'arms-transfer',
  periods: [
    { from: '2023-09', to: '2023-12', status: 'alleged' },
    { from: '2024', to: '2025', status: 'denied' },
  ],
});

describe('relationStateAt', () => {
  it.each([
    { rel: pact, on: '2024-06-18', expected: null, why: 'the day before the first period' },
    { rel: pact, on: '1900-01-01', expected: null, why: 'long before the first period' },
    {
      rel: pact,
      on: '2024-06-19',
      expected: 'reported',
      why: 'the first day of a period is inclusive',
    },
    { rel: pact, on: '2024-09-01', expected: 'reported', why: 'inside the first period' },
    {
      rel: pact,
      on: '2024-12-03',
      expected: 'reported',
      why: 'the last day before the end, which is exclusive',
    },
    {
      rel: pact,
      on: '2024-12-04',
      expected: 'in-force',
      why: 'the end day belongs to the next period',
    },
    {
      rel: pact,
      on: '2100-01-01',
      expected: 'in-force',
      why: 'an open last period runs on forever',
    },
    { rel: treaty, on: '1961-07-05', expected: null, why: 'the day before signature' },
    { rel: treaty, on: '1961-07-06', expected: 'in-force', why: 'the day of signature' },
    {
      rel: treaty,
      on: '1994-12-31',
      expected: 'in-force',
      why: 'the day before the earliest possible lapse',
    },
    {
      rel: treaty,
      on: '1995-01-01',
      expected: 'lapsed',
      why: 'uncertain boundaries compare by their earliest day',
    },
    { rel: treaty, on: '1996-09-11', expected: 'lapsed', why: 'after the uncertain boundary' },
    {
      rel: patchy,
      on: '2023-08-31',
      expected: null,
      why: 'the day before a month-precision start',
    },
    {
      rel: patchy,
      on: '2023-09-01',
      expected: 'alleged',
      why: 'a month-precision start is its first day',
    },
    {
      rel: patchy,
      on: '2023-11-30',
      expected: 'alleged',
      why: 'the last day before a month-precision end',
    },
    {
      rel: patchy,
      on: '2023-12-01',
      expected: null,
      why: 'a gap between periods is no relation at all',
    },
    {
      rel: patchy,
      on: '2024-01-01',
      expected: 'denied',
      why: 'a year-precision start is 1 January',
    },
    {
      rel: patchy,
      on: '2024-12-31',
      expected: 'denied',
      why: 'the last day before a year-precision end',
    },
    { rel: patchy, on: '2025-01-01', expected: null, why: 'after the last period closed' },
  ])('gives $expected for $rel.id on $on: $why', ({ rel, on, expected }) => {
    const state = relationStateAt(rel, day(on));
    expect(state?.status ?? null).toBe(expected);
  });

  it('returns the period it found, not just its status', () => {
    const state = relationStateAt(pact, day('2025-01-01'));
    expect(state?.period).toBe(pact.periods[1]);
    expect(state?.period.from.text).toBe('2024-12-04');
    expect(state?.period.to).toBeUndefined();
  });

  it.each([
    { on: '1994-12-31', uncertain: false, why: 'the day before the uncertain boundary' },
    { on: '1995-01-01', uncertain: true, why: 'the first day of the uncertain boundary' },
    { on: '1995-07-01', uncertain: true, why: 'inside the uncertain boundary' },
    { on: '1996-09-10', uncertain: true, why: 'the last day of the uncertain boundary' },
    { on: '1996-09-11', uncertain: false, why: 'the day after the uncertain boundary' },
    { on: '1970-01-01', uncertain: false, why: 'long before it' },
    { on: '2024-06-19', uncertain: false, why: 'long after it' },
  ])('flags the 1961 treaty on $on as uncertain=$uncertain: $why', ({ on, uncertain }) => {
    expect(relationStateAt(treaty, day(on))?.uncertain).toBe(uncertain);
  });

  it('never flags a relation whose boundaries are all single days', () => {
    for (const on of ['2024-06-19', '2024-12-03', '2024-12-04', '2030-01-01']) {
      expect(relationStateAt(pact, day(on))?.uncertain).toBe(false);
    }
  });

  it('starts each relation on the earliest day of its first period', () => {
    expect(relationStart(pact)).toBe(day('2024-06-19'));
    expect(relationStart(treaty)).toBe(day('1961-07-06'));
    expect(relationStart(patchy)).toBe(day('2023-09-01'));
  });
});

describe('membersAt', () => {
  const nato = actor({
    id: 'NATO',
    kind: 'group',
    members: [
      { actor: 'USA', from: '1949' },
      { actor: 'FRA', from: '1949' },
      { actor: 'FIN', from: '2023-04-04' },
      { actor: 'SWE', from: '2024-03-07' },
      { actor: 'XXX', from: '1960', to: '1990-06' },
    ],
  });

  it('fills the defaults of a parsed actor, so an actor without members has none', () => {
    const plain = actor({ id: 'PLAIN' });
    expect(plain.members).toEqual([]);
    expect(plain.exists).toEqual({});
    expect(membersAt(plain, day('2024-01-01'))).toEqual([]);
  });

  it.each([
    { on: '1948-12-31', expected: [] },
    { on: '1949-01-01', expected: ['USA', 'FRA'] },
    { on: '1970-01-01', expected: ['USA', 'FRA', 'XXX'] },
    { on: '1990-05-31', expected: ['USA', 'FRA', 'XXX'] },
    { on: '1990-06-01', expected: ['USA', 'FRA'] },
    { on: '2023-01-01', expected: ['USA', 'FRA'] },
    { on: '2023-04-03', expected: ['USA', 'FRA'] },
    { on: '2023-04-04', expected: ['USA', 'FRA', 'FIN'] },
    { on: '2024-03-06', expected: ['USA', 'FRA', 'FIN'] },
    { on: '2024-03-07', expected: ['USA', 'FRA', 'FIN', 'SWE'] },
    { on: '2024-07-01', expected: ['USA', 'FRA', 'FIN', 'SWE'] },
  ])('lists $expected as members on $on', ({ on, expected }) => {
    expect(membersAt(nato, day(on))).toEqual(expected);
  });

  it('has Finland outside NATO on 1 January 2023 and inside on 1 July 2024', () => {
    expect(membersAt(nato, day('2023-01-01'))).not.toContain('FIN');
    expect(membersAt(nato, day('2024-07-01'))).toContain('FIN');
  });
});

describe('actorExistsAt', () => {
  const soviet = actor({
    id: 'SUN',
    kind: 'historical',
    exists: { from: '1922-12-30', to: '1991-12-26' },
    successor: 'RUS',
  });
  const fromYear = actor({ id: 'NEW', exists: { from: '1993' } });
  const untilMonth = actor({ id: 'OLD', exists: { to: '1990-10' } });
  const always = actor({ id: 'RUS' });

  it.each([
    { who: soviet, on: '1922-12-29', expected: false },
    { who: soviet, on: '1922-12-30', expected: true },
    { who: soviet, on: '1970-01-01', expected: true },
    { who: soviet, on: '1991-12-25', expected: true },
    { who: soviet, on: '1991-12-26', expected: false },
    { who: soviet, on: '2024-06-19', expected: false },
    { who: fromYear, on: '1992-12-31', expected: false },
    { who: fromYear, on: '1993-01-01', expected: true },
    { who: fromYear, on: '2200-01-01', expected: true },
    { who: untilMonth, on: '1800-01-01', expected: true },
    { who: untilMonth, on: '1990-09-30', expected: true },
    { who: untilMonth, on: '1990-10-01', expected: false },
    { who: always, on: '1000-01-01', expected: true },
    { who: always, on: '2999-12-31', expected: true },
  ])('says $who.id exists on $on: $expected', ({ who, on, expected }) => {
    expect(actorExistsAt(who, day(on))).toBe(expected);
  });
});

describe('standInAt', () => {
  const soviet = actor({
    id: 'SUN',
    kind: 'historical',
    exists: { from: '1922-12-30', to: '1991-12-26' },
    successor: 'RUS',
  });
  const russia = actor({ id: 'RUS' });
  const prk = actor({ id: 'PRK' });
  // A chain: A ceased in 1950 for B, B ceased in 1980 for C.
  const a = actor({ id: 'A', exists: { to: '1950' }, successor: 'B' });
  const b = actor({ id: 'B', exists: { from: '1950', to: '1980' }, successor: 'C' });
  const c = actor({ id: 'C', exists: { from: '1980' } });
  // A cycle no real story should have: each names the other, and neither exists in 2000.
  const x = actor({ id: 'X', exists: { to: '1990' }, successor: 'Y' });
  const y = actor({ id: 'Y', exists: { to: '1990' }, successor: 'X' });
  const self = actor({ id: 'SELF', exists: { to: '1990' }, successor: 'SELF' });
  // Ceased with nobody to take over.
  const orphan = actor({ id: 'ORPHAN', exists: { to: '1990' } });
  const actors = new Map(
    [soviet, russia, prk, a, b, c, x, y, self, orphan].map((item) => [item.id, item] as const),
  );

  it.each([
    { id: 'SUN', on: '1970-01-01', expected: 'SUN', why: 'the Soviet Union still exists' },
    { id: 'SUN', on: '1991-12-25', expected: 'SUN', why: 'its last day' },
    { id: 'SUN', on: '1991-12-26', expected: 'RUS', why: 'it has ceased and Russia succeeds it' },
    { id: 'SUN', on: '2024-07-01', expected: 'RUS', why: 'it has ceased and Russia succeeds it' },
    { id: 'RUS', on: '2024-07-01', expected: 'RUS', why: 'Russia stands for itself' },
    {
      id: 'PRK',
      on: '1970-01-01',
      expected: 'PRK',
      why: 'an actor that always exists stands for itself',
    },
    { id: 'A', on: '1940-01-01', expected: 'A', why: 'the first of a chain still exists' },
    { id: 'A', on: '1960-01-01', expected: 'B', why: 'one hand-over' },
    { id: 'A', on: '2000-01-01', expected: 'C', why: 'the hand-over follows the chain to the end' },
    { id: 'B', on: '2000-01-01', expected: 'C', why: 'a chain can be entered in the middle' },
    {
      id: 'ORPHAN',
      on: '2000-01-01',
      expected: 'ORPHAN',
      why: 'a ceased state with no successor keeps its own id',
    },
    {
      id: 'NOBODY',
      on: '2000-01-01',
      expected: 'NOBODY',
      why: 'an unknown id is returned unchanged',
    },
  ])('has $expected stand in for $id on $on: $why', ({ id, on, expected }) => {
    expect(standInAt(actors, id, day(on))).toBe(expected);
  });

  it.each(['X', 'Y', 'SELF'])(
    'stops on a successor cycle starting at %s and answers with one of the cycle',
    (id) => {
      const answer = standInAt(actors, id, day('2000-01-01'));
      expect(id === 'SELF' ? ['SELF'] : ['X', 'Y']).toContain(answer);
    },
  );
});
