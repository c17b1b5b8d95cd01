/**
 * The story file's new fields, checked when it loads: roles over time, relations of many sides,
 * the signed and planned statuses, and dates parsed once into values that keep their precision.
 */
import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import { ActorSchema, RelationSchema } from '../../src/lib/core/story/schema';
import { parseStory } from '../../src/lib/core/story/validate';

const base = {
  id: 's',
  title: 'A story',
  asOf: '2024-06-19',
  article: { src: 'a.txt', title: 'A' },
  credit: 'Test',
  roles: [{ id: 'r', label: 'R', color: '#123456' }],
  passages: [{ id: 'p', quote: 'Three friends.' }],
};
const country = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  kind: 'country',
  role: 'r',
  anchor: [0, 0],
  ...extra,
});
const relation = (extra: Record<string, unknown>) => ({
  id: 'rel',
  type: 'alignment',
  label: 'together',
  directed: false,
  periods: [{ from: '2020', status: 'in-force' }],
  passages: ['p'],
  ...extra,
});
const story = (actors: unknown[], relations: unknown[] = []) =>
  parseStory({ ...base, actors, relations }, 'Three friends.');
const errorsOf = (result: ReturnType<typeof story>) =>
  result.ok ? [] : result.errors.map((e) => `${e.where}: ${e.message}`);

describe('relation sides', () => {
  const abc = [country('A'), country('B'), country('C')];

  it.each([
    { name: 'from and to', rel: { from: 'A', to: 'B' }, sides: ['A', 'B'] },
    { name: 'a list of sides', rel: { sides: ['A', 'B', 'C'] }, sides: ['A', 'B', 'C'] },
    { name: 'two sides, directed', rel: { sides: ['A', 'B'], directed: true }, sides: ['A', 'B'] },
  ])('reads $name into one list of sides', ({ rel, sides }) => {
    const parsed = v.parse(RelationSchema, relation(rel));
    expect(parsed.sides).toEqual(sides);
    expect(parsed).not.toHaveProperty('from');
  });

  it.each([
    { name: 'both sides and from', rel: { sides: ['A', 'B'], from: 'A' }, message: /not both/ },
    { name: 'one side', rel: { sides: ['A'] }, message: /two sides/ },
    { name: 'only from', rel: { from: 'A' }, message: /two sides/ },
    {
      name: 'three sides, directed',
      rel: { sides: ['A', 'B', 'C'], directed: true },
      message: /exactly two/,
    },
  ])('refuses $name', ({ rel, message }) => {
    expect(errorsOf(story(abc, [relation(rel)])).join('\n')).toMatch(message);
  });

  it('names an unknown side by its place in the list', () => {
    expect(errorsOf(story(abc, [relation({ sides: ['A', 'B', 'Z'] })]))).toEqual([
      'relations[0] "rel" → sides[2]: unknown actor "Z"',
    ]);
  });

  it('survives being written back to JSON and read again (the presentation reloads it)', () => {
    const first = story(abc, [relation({ sides: ['A', 'B', 'C'] })]);
    if (!first.ok) throw new Error('test setup');
    const again = parseStory(JSON.parse(JSON.stringify(first.story)), 'Three friends.');
    expect(again.ok && again.story.relations[0]?.sides).toEqual(['A', 'B', 'C']);
    expect(again.ok && again.story.relations[0]?.periods[0]?.from.text).toBe('2020');
  });
});

describe('roles over time', () => {
  it('reads role periods with dates at their own precision', () => {
    const actor = v.parse(ActorSchema, {
      ...country('A', { role: undefined }),
      roles: [{ role: 'r', from: '1955-05', to: '1991-07-01' }],
    });
    expect(actor.roles[0]?.from).toMatchObject({ text: '1955-05', precision: 'month' });
    expect(actor.roles[0]?.to).toMatchObject({ text: '1991-07-01', precision: 'day' });
  });

  it.each([
    {
      name: 'both role and roles',
      actor: country('A', { roles: [{ role: 'r', from: '2000' }] }),
      message: 'actors[0] "A" → roles: give either "role" or "roles", not both',
    },
    {
      name: 'an unknown role in a period',
      actor: country('A', { role: undefined, roles: [{ role: 'nope', from: '2000' }] }),
      message: 'actors[0] "A" → roles[0] → role: unknown role "nope"',
    },
    {
      name: 'a period that ends before it starts',
      actor: country('A', { role: undefined, roles: [{ role: 'r', from: '2000', to: '1999' }] }),
      message: 'actors[0] "A" → roles[0] → to: ends (1999) before it starts (2000)',
    },
  ])('refuses $name', ({ actor, message }) => {
    expect(errorsOf(story([actor]))).toContain(message);
  });

  it('refuses an impossible date where it is written', () => {
    expect(
      errorsOf(
        story([country('A', { role: undefined, roles: [{ role: 'r', from: '2023-02-30' }] })]),
      ),
    ).toEqual(['actors[0] "A" → roles[0] → from: impossible date "2023-02-30"']);
  });
});

describe('statuses', () => {
  it.each(['signed', 'planned', 'in-force', 'lapsed', 'alleged', 'denied', 'reported'])(
    'accepts the status "%s"',
    (status) => {
      const parsed = v.safeParse(
        RelationSchema,
        relation({ from: 'A', to: 'B', periods: [{ from: '2020', status }] }),
      );
      expect(parsed.success).toBe(true);
    },
  );

  it('refuses a status the map cannot draw', () => {
    const parsed = v.safeParse(
      RelationSchema,
      relation({ from: 'A', to: 'B', periods: [{ from: '2020', status: 'rumoured' }] }),
    );
    expect(parsed.success).toBe(false);
  });
});
