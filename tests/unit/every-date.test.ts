/**
 * True at every date: roles, statuses and memberships as of a table of dates, in the default
 * story and in the Quad fixture; the key, the accessible names and the relations table as of
 * those dates; relations of more than two sides drawn, named and listed once.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import * as v from 'valibot';
import { roleAt, roleWithGroupsAt } from '../../src/lib/core/story/asof';
import { parseDay, type Day } from '../../src/lib/core/story/dates';
import { indexStory, relationTitle, type StoryIndex } from '../../src/lib/core/story/model';
import { ActorSchema, RoleSchema } from '../../src/lib/core/story/schema';
import { parseStory } from '../../src/lib/core/story/validate';
import { rolesShown, sceneAt } from '../../src/lib/core/map/scene';
import { actorLabel, relationLabel } from '../../src/lib/map/interaction';
import { AppState, appContext } from '../../src/lib/state/app.svelte';
import RelationsTable from '../../src/lib/a11y/RelationsTable.svelte';

function load(json: string): StoryIndex {
  const text = readFileSync(json.replace(/\.json$/, '.txt'), 'utf8');
  const result = parseStory(JSON.parse(readFileSync(json, 'utf8')), text);
  if (!result.ok) throw new Error(`${json}: ${JSON.stringify(result.errors)}`);
  return indexStory(result.story);
}

const main = load('static/stories/russia-north-korea-2024.json');
const quad = load('tests/fixtures/quad-indo-pacific.json');

function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === null) throw new Error(`test setup: ${text}`);
  return parsed;
}

/** The label of the actor's role on that day, or null (drawn neutral). */
function roleLabel(index: StoryIndex, id: string, on: string): string | null {
  const role = sceneAt(index, day(on)).roles.get(id);
  return role === undefined ? null : (index.roles.get(role)?.label ?? role);
}

describe('roleAt', () => {
  const poland = v.parse(ActorSchema, {
    id: 'POL',
    name: 'Poland',
    kind: 'country',
    anchor: [21, 52],
    roles: [
      { role: 'east', from: '1955-05-14', to: '1991-07-01' },
      { role: 'west', from: '1999' },
    ],
  });
  const always = v.parse(ActorSchema, {
    id: 'X',
    name: 'X',
    kind: 'country',
    anchor: [0, 0],
    role: 'r',
  });

  it.each([
    { on: '1950-01-01', expected: null, why: 'before its first period: no role' },
    { on: '1955-05-14', expected: 'east', why: 'on the first day of a period' },
    { on: '1991-06-30', expected: 'east', why: 'on the last day of a period' },
    { on: '1991-07-01', expected: null, why: 'on the day a period ends (ends are exclusive)' },
    { on: '1995-01-01', expected: null, why: 'between two periods' },
    { on: '1999-01-01', expected: 'west', why: 'from the earliest day of a year-only start' },
    { on: '2030-01-01', expected: 'west', why: 'in an open last period' },
  ])('gives Poland "$expected" on $on: $why', ({ on, expected }) => {
    expect(roleAt(poland, day(on))).toBe(expected);
  });

  it('gives an actor with one timeless role that role at every date', () => {
    for (const on of ['1900-01-01', '1970-01-01', '2024-06-19'])
      expect(roleAt(always, day(on))).toBe('r');
  });
});

describe('roleWithGroupsAt', () => {
  const roles = [
    v.parse(RoleSchema, { id: 'west', label: 'W', color: '#000000', groups: ['NATO'] }),
    v.parse(RoleSchema, { id: 'east', label: 'E', color: '#000000', groups: ['WP'] }),
  ];
  const member = v.parse(ActorSchema, { id: 'M', name: 'M', kind: 'country', anchor: [0, 0] });
  const own = v.parse(ActorSchema, {
    id: 'O',
    name: 'O',
    kind: 'country',
    anchor: [0, 0],
    role: 'r',
  });

  it.each([
    { groups: ['WP'], expected: 'east', why: 'a member of a group takes the group’s role' },
    { groups: ['NATO'], expected: 'west', why: 'and another group’s when it has changed sides' },
    {
      groups: [],
      expected: null,
      why: 'a country in no group and with no role of its own has none',
    },
    { groups: ['OTHER'], expected: null, why: 'a group no role names gives no role' },
  ])('gives "$expected" for groups $groups: $why', ({ groups, expected }) => {
    expect(roleWithGroupsAt(member, day('1970-01-01'), groups, roles)).toBe(expected);
  });

  it('prefers an actor’s own role to its group’s', () => {
    expect(roleWithGroupsAt(own, day('1970-01-01'), ['NATO'], roles)).toBe('r');
  });
});

describe('the default story, as of a table of dates', () => {
  it.each([
    { id: 'POL', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'HUN', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'BGR', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'CSK', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'POL', on: '1995-01-01', role: null },
    { id: 'POL', on: '2000-07-20', role: 'The US and NATO' },
    { id: 'CZE', on: '2000-07-20', role: 'The US and NATO' },
    { id: 'SWE', on: '1970-01-01', role: null },
    { id: 'FIN', on: '1970-01-01', role: null },
    { id: 'FIN', on: '2023-04-04', role: 'The US and NATO' },
    { id: 'SWE', on: '2024-03-06', role: null },
    { id: 'SWE', on: '2024-03-07', role: 'The US and NATO' },
    { id: 'ALB', on: '1965-01-01', role: 'The Soviet Union and its allies' },
    { id: 'ALB', on: '1970-01-01', role: null },
    { id: 'IRN', on: '1970-01-01', role: 'Aligned with the US' },
    { id: 'IRN', on: '2000-07-20', role: null },
    { id: 'IRN', on: '2024-06-19', role: 'Aligned with the pact parties' },
    { id: 'CHN', on: '1970-01-01', role: null },
    { id: 'CHN', on: '2024-06-19', role: 'Aligned with the pact parties' },
    { id: 'PRK', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'PRK', on: '2000-07-20', role: 'Russia and North Korea' },
    { id: 'PRK', on: '2024-06-19', role: 'Parties to the 2024 pact' },
    { id: 'RUS', on: '2000-07-20', role: 'Russia and North Korea' },
    { id: 'UKR', on: '2000-07-20', role: null },
    { id: 'UKR', on: '2022-02-24', role: 'Country at war' },
    { id: 'SUN', on: '1970-01-01', role: 'The Soviet Union and its allies' },
    { id: 'JPN', on: '1970-01-01', role: 'US allies in East Asia' },
  ])('gives $id the role "$role" on $on', ({ id, on, role }) => {
    expect(roleLabel(main, id, on)).toBe(role);
  });

  it.each([
    { id: 'POL', on: '1970-01-01', groups: ['WP'] },
    { id: 'POL', on: '2000-07-20', groups: ['NATO'] },
    { id: 'DEU', on: '1970-01-01', groups: ['NATO'] },
    { id: 'SWE', on: '1970-01-01', groups: [] },
    { id: 'SWE', on: '2024-06-19', groups: ['NATO'] },
    { id: 'ALB', on: '1960-01-01', groups: ['WP'] },
    { id: 'ALB', on: '1970-01-01', groups: [] },
    { id: 'SUN', on: '1970-01-01', groups: ['WP'] },
    { id: 'HUN', on: '1992-01-01', groups: [] },
  ])('gives $id the groups $groups on $on', ({ id, on, groups }) => {
    expect(sceneAt(main, day(on)).groups.get(id) ?? []).toEqual(groups);
  });

  it.each([
    { id: 'pact-2024', on: '2024-06-18', status: null },
    { id: 'pact-2024', on: '2024-06-19', status: 'signed' },
    { id: 'pact-2024', on: '2024-06-20', status: 'signed' },
    { id: 'pact-2024', on: '2024-12-04', status: 'in-force' },
    { id: 'pact-2024', on: '2024-12-05', status: 'in-force' },
    { id: 'treaty-1961', on: '1961-08-01', status: 'signed' },
    { id: 'treaty-1961', on: '1961-09-10', status: 'in-force' },
    { id: 'treaty-1961', on: '1970-01-01', status: 'in-force' },
    { id: 'treaty-1961', on: '2000-07-20', status: 'lapsed' },
    { id: 'treaty-chn-prk-1961', on: '1961-07-11', status: 'signed' },
    { id: 'treaty-chn-prk-1961', on: '2024-06-19', status: 'in-force' },
    { id: 'accuse-usa-prk', on: '2022-11-01', status: null },
    { id: 'accuse-usa-prk', on: '2022-11-02', status: 'in-force' },
    { id: 'arms-prk-rus', on: '2024-06-19', status: 'alleged' },
    { id: 'drones-irn-rus', on: '2022-09-13', status: 'alleged' },
    { id: 'prk-backs-rus', on: '2022-01-01', status: null },
    { id: 'drills-usa-jpn-kor', on: '2024-06-19', status: 'in-force' },
  ])('draws $id as $status on $on', ({ id, on, status }) => {
    const drawn = sceneAt(main, day(on)).relations.find((r) => r.relation.id === id);
    expect(drawn?.state.status ?? null).toBe(status);
  });

  it('keeps dashes for the unverified and draws no denied transfer as merely reported', () => {
    for (const id of ['arms-prk-rus', 'drones-irn-rus'])
      expect(main.relations.get(id)?.periods.map((p) => p.status)).toEqual(['alleged']);
  });

  it.each([
    {
      on: '1970-01-01',
      has: ['The Soviet Union and its allies', 'The US and NATO', 'Aligned with the US'],
      not: ['Parties to the 2024 pact', 'Country at war', 'Aligned with the pact parties'],
    },
    {
      on: '2000-07-20',
      has: ['Russia and North Korea', 'The US and NATO'],
      not: ['Parties to the 2024 pact', 'Country at war', 'The Soviet Union and its allies'],
    },
    {
      on: '2024-06-19',
      has: ['Parties to the 2024 pact', 'Country at war', 'Aligned with the pact parties'],
      not: ['Russia and North Korea', 'The Soviet Union and its allies', 'Aligned with the US'],
    },
  ])('lists in the key on $on only the roles held then', ({ on, has, not }) => {
    const labels = rolesShown(main, sceneAt(main, day(on))).map((r) => r.label);
    for (const label of has) expect(labels).toContain(label);
    for (const label of not) expect(labels).not.toContain(label);
  });
});

describe('accessible names as of the map’s date', () => {
  const app = (index: StoryIndex) => ({ index }) as unknown as AppState;

  it.each([
    { id: 'POL', on: '1970-01-01', has: 'member of Warsaw Pact', not: 'NATO' },
    { id: 'POL', on: '2000-07-20', has: 'member of NATO', not: 'Warsaw' },
    { id: 'UKR', on: '2000-07-20', has: 'Ukraine', not: 'war' },
    { id: 'UKR', on: '2024-06-19', has: 'Country at war', not: 'NATO' },
    { id: 'CHN', on: '1970-01-01', has: 'China', not: 'Aligned' },
    { id: 'SWE', on: '1970-01-01', has: 'Sweden', not: 'NATO' },
  ])('names $id on $on with "$has" and without "$not"', ({ id, on, has, not }) => {
    const label = actorLabel(app(main), id, sceneAt(main, day(on)));
    expect(label.startsWith(main.actors.get(id)?.name ?? '?')).toBe(true);
    expect(label).toContain(has);
    expect(label).not.toContain(not);
  });

  it('names a relation’s status on the date and says when its start is known only to the month', () => {
    const drawn = sceneAt(main, day('2022-08-15')).relations.find(
      (r) => r.relation.id === 'drones-irn-rus',
    )!;
    expect(relationLabel(app(main), drawn.relation, drawn.state)).toBe(
      'Iran → Russia: alleged drone transfers (denied at the time) (alleged, since August 2022, date uncertain)',
    );
  });
});

describe('relations of more than two sides', () => {
  const app = (index: StoryIndex) => ({ index }) as unknown as AppState;

  it('draws the trilateral drills as one relation joining all three', () => {
    const scene = sceneAt(main, day('2024-06-19'));
    const drills = scene.relations.filter(
      (r) => r.relation.type === 'drills-tension' && r.sides.length > 2,
    );
    expect(drills.map((r) => r.relation.id)).toEqual(['drills-usa-jpn-kor']);
    expect(drills[0]?.sides).toEqual(['USA', 'JPN', 'KOR']);
  });

  it.each([
    {
      index: main,
      id: 'drills-usa-jpn-kor',
      title: 'United States, Japan and South Korea: enhanced trilateral military drills',
    },
    {
      index: quad,
      id: 'quad',
      title: 'United States, Japan, India and Australia: the Quadrilateral Security Dialogue',
    },
  ])('names every side of $id', ({ index, id, title }) => {
    const relation = index.relations.get(id)!;
    expect(relationTitle(index, relation)).toBe(title);
    const drawn = sceneAt(index, index.story.asOf.earliest).relations.find(
      (r) => r.relation.id === id,
    )!;
    expect(relationLabel(app(index), relation, drawn.state)).toMatch(new RegExp(`^${title}`));
  });

  it.each([
    { on: '2007-05-20', status: 'in-force', uncertain: true, why: 'inside the month it began' },
    { on: '2007-07-01', status: 'in-force', uncertain: false, why: 'after that month' },
    { on: '2008-02-15', status: 'lapsed', uncertain: true, why: 'inside the month it lapsed' },
    { on: '2012-01-01', status: 'lapsed', uncertain: false, why: 'while dormant' },
    { on: '2017-11-12', status: 'in-force', uncertain: false, why: 'on the day it was revived' },
  ])('gives the Quad "$status" on $on ($why)', ({ on, status, uncertain }) => {
    const drawn = sceneAt(quad, day(on)).relations.find((r) => r.relation.id === 'quad');
    expect(drawn?.state.status).toBe(status);
    expect(drawn?.state.uncertain).toBe(uncertain);
  });

  it.each([
    { on: '2020-10-25', status: 'planned' },
    { on: '2020-11-05', status: 'in-force' },
  ])('draws Malabar with all four navies as $status on $on', ({ on, status }) => {
    const drawn = sceneAt(quad, day(on)).relations.find((r) => r.relation.id === 'malabar');
    expect(drawn?.state.status).toBe(status);
  });

  it.each([
    { id: 'AUS', on: '2007-06-01', role: 'Members of the Quad' },
    { id: 'AUS', on: '2012-01-01', role: null },
    { id: 'IND', on: '2021-09-24', role: 'Members of the Quad' },
  ])('gives $id in the Quad fixture the role "$role" on $on', ({ id, on, role }) => {
    expect(roleLabel(quad, id, on)).toBe(role);
  });

  it.each([
    {
      index: main,
      id: 'drills-usa-jpn-kor',
      sides: 'United States, Japan and South Korea',
      how: 'among 3',
    },
    { index: quad, id: 'quad', sides: 'United States, Japan, India and Australia', how: 'among 4' },
  ])('lists $id once in the relations table, with every side', ({ index, id, sides, how }) => {
    const state = new AppState(index, 'full', null);
    const { body } = render(RelationsTable, { context: appContext(state) });
    const rows = [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? '');
    const mine = rows.filter((r) => r.includes(`data-select-relation="${id}"`));
    expect(mine).toHaveLength(1);
    const cells = [...(mine[0] ?? '').matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
      (m[1] ?? '').replace(/<!--[\s\S]*?-->/g, '').trim(),
    );
    expect(cells[0]).toBe(sides);
    expect(cells[1]).toBe(how);
  });
});
