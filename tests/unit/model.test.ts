/**
 * Read-only questions about a validated story, asked of the real default story and of the
 * Nordic fixture: the engine must know nothing of one particular story.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  durationBetween,
  formatDuration,
  mustParseDate,
  parseDay,
  roundedYears,
} from '../../src/lib/core/story/dates';
import {
  actorName,
  eventsFor,
  exists,
  focusSet,
  indexStory,
  passagesFor,
  relationTitle,
  relationsOf,
  spanExtent,
  targetTitle,
  type StoryIndex,
  type Target,
} from '../../src/lib/core/story/model';
import { mentionsFor, notesFor, spansFor } from '../../src/lib/core/story/reading';
import { parseStory } from '../../src/lib/core/story/validate';
import { sceneAt } from '../../src/lib/core/map/scene';
import { startActors } from '../../src/lib/panel/startActors';
import type { Relation, Span, StoryEvent } from '../../src/lib/core/story/schema';

const root = fileURLToPath(new URL('../..', import.meta.url));

function load(json: string, txt: string): { index: StoryIndex; article: string; raw: RawStory } {
  const raw = JSON.parse(fs.readFileSync(path.join(root, json), 'utf8')) as RawStory;
  const article = fs.readFileSync(path.join(root, txt), 'utf8');
  const result = parseStory(raw, article);
  if (!result.ok) throw new Error(`${json} did not validate: ${JSON.stringify(result.errors)}`);
  return { index: indexStory(result.story), article, raw };
}

/** Just enough of the raw JSON to find ids in it independently of the model. */
interface RawStory {
  relations: {
    id: string;
    from?: string;
    to?: string;
    sides?: string[];
    label: string;
    directed: boolean;
    type: string;
  }[];
  events: { id: string; date: string; relations?: string[] }[];
  spans: { id: string; from: string; to?: string; kind?: string }[];
  actors: { id: string; name: string }[];
}

const main = load(
  'static/stories/russia-north-korea-2024.json',
  'static/stories/russia-north-korea-2024.txt',
);
const nordic = load('tests/fixtures/nordic-baltic.json', 'tests/fixtures/nordic-baltic.txt');
const quadFixture = load(
  'tests/fixtures/quad-indo-pacific.json',
  'tests/fixtures/quad-indo-pacific.txt',
);

function mustGet<T>(map: ReadonlyMap<string, T>, id: string): T {
  const item = map.get(id);
  if (item === undefined) throw new Error(`test setup: no "${id}" in the story`);
  return item;
}

/** Looked up from the JSON rather than typed in, so a renamed id fails setup loudly. */
const PACT =
  main.raw.relations.find((r) => r.type === 'mutual-defence' && r.from === 'RUS' && r.to === 'PRK')
    ?.id ?? 'missing';
const TREATY_1961 =
  main.raw.relations.find((r) => r.type === 'mutual-defence' && r.from === 'SUN')?.id ?? 'missing';
const ARMS =
  main.raw.relations.find((r) => r.type === 'arms-transfer' && r.from === 'PRK' && r.to === 'RUS')
    ?.id ?? 'missing';
const GAP = main.raw.spans.find((s) => s.kind === 'gap')?.id ?? 'missing';

describe('the ids these tests rely on', () => {
  it('finds the 2024 pact, the 1961 treaty, the arms relation and the 24-year gap in the story', () => {
    expect(PACT).toBe('pact-2024');
    expect(TREATY_1961).toBe('treaty-1961');
    expect(ARMS).toBe('arms-prk-rus');
    expect(GAP).toBe('gap-24-years');
  });
});

describe('indexStory', () => {
  it.each([
    { name: 'the default story', story: main },
    { name: 'the Nordic fixture', story: nordic },
    { name: 'the Quad fixture', story: quadFixture },
  ])('indexes every item of $name by id and sorts the chronology oldest first', ({ story }) => {
    const { index, raw } = story;
    expect(index.actors.size).toBe(raw.actors.length);
    expect(index.relations.size).toBe(raw.relations.length);
    expect(index.events.size).toBe(raw.events.length);
    expect(index.chronology).toHaveLength(raw.events.length);
    const days = index.chronology.map((e) => e.date.earliest);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(index.sources.has('article')).toBe(true);
  });

  it('names the article after its title when the story does not define an "article" source', () => {
    const withoutArticleSource = {
      ...nordic.index.story,
      sources: nordic.index.story.sources.filter((s) => s.id !== 'article'),
    };
    const index = indexStory(withoutArticleSource);
    expect(index.sources.get('article')).toEqual({
      id: 'article',
      label: 'Finland and Sweden join NATO',
    });
    expect(index.sources.get('nato')?.label).toBe('NATO: member countries and accession dates');
  });

  it('lets a story’s own "article" source replace the default one', () => {
    expect(main.index.sources.get('article')?.label).toBe('The article (Sanjeev Oak)');
  });

  it.each<{ target: Target; expected: boolean }>([
    { target: { kind: 'actor', id: 'RUS' }, expected: true },
    { target: { kind: 'actor', id: 'pact-2024' }, expected: false },
    { target: { kind: 'relation', id: 'pact-2024' }, expected: true },
    { target: { kind: 'event', id: 'visit-2024' }, expected: true },
    { target: { kind: 'event', id: 'RUS' }, expected: false },
    { target: { kind: 'actor', id: 'ATLANTIS' }, expected: false },
  ])('says $target.kind "$target.id" exists: $expected', ({ target, expected }) => {
    expect(exists(main.index, target)).toBe(expected);
  });
});

describe('passagesFor', () => {
  it('returns Russia’s passages, each quoted word for word from the article, in article order', () => {
    const passages = passagesFor(main.index, { kind: 'actor', id: 'RUS' });
    const expectedIds = mustGet(main.index.actors, 'RUS').passages;
    expect(passages.map((p) => p.id).sort()).toEqual([...expectedIds].sort());
    const positions = passages.map((p) => main.article.indexOf(p.quote));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('returns passages that can stand alone in a blockquote: non-empty, trimmed and on one paragraph', () => {
    for (const p of passagesFor(main.index, { kind: 'actor', id: 'RUS' })) {
      expect(p.quote.length).toBeGreaterThan(0);
      expect(p.quote).toBe(p.quote.trim());
      expect(p.quote).not.toMatch(/\n/);
    }
  });

  it.each<{ target: Target; count: number }>([
    { target: { kind: 'relation', id: 'treaty-1961' }, count: 2 },
    { target: { kind: 'relation', id: 'pact-2024' }, count: 13 },
    { target: { kind: 'event', id: 'visit-2024' }, count: 5 },
    { target: { kind: 'event', id: 'summit-2011' }, count: 0 },
    { target: { kind: 'actor', id: 'ATLANTIS' }, count: 0 },
  ])('returns $count passages for $target.kind "$target.id"', ({ target, count }) => {
    expect(passagesFor(main.index, target)).toHaveLength(count);
  });
});

describe('relationTitle and targetTitle', () => {
  it('writes the arms relation as "North Korea → Russia: " and its label', () => {
    const arms = mustGet(main.index.relations, ARMS);
    expect(relationTitle(main.index, arms)).toBe(`North Korea → Russia: ${arms.label}`);
    expect(relationTitle(main.index, arms)).toMatch(/^North Korea → Russia: \S/);
  });

  it('joins the two sides of an undirected relation with a two-way arrow', () => {
    const pact = mustGet(main.index.relations, PACT);
    expect(relationTitle(main.index, pact)).toBe(`Russia ↔ North Korea: ${pact.label}`);
  });

  it('falls back to the id for a side the story does not define', () => {
    const orphan: Relation = { ...mustGet(main.index.relations, ARMS), sides: ['ATLANTIS', 'RUS'] };
    expect(relationTitle(main.index, orphan)).toMatch(/^ATLANTIS → Russia: /);
    expect(actorName(main.index, 'ATLANTIS')).toBe('ATLANTIS');
  });

  it.each<{ target: Target; expected: string }>([
    { target: { kind: 'actor', id: 'PRK' }, expected: 'North Korea' },
    { target: { kind: 'actor', id: 'SUN' }, expected: 'Soviet Union' },
    { target: { kind: 'event', id: 'visit-2000' }, expected: 'Putin’s first visit to Pyongyang' },
    { target: { kind: 'relation', id: 'nope' }, expected: 'nope' },
    { target: { kind: 'event', id: 'nope' }, expected: 'nope' },
  ])('titles $target.kind "$target.id" as "$expected"', ({ target, expected }) => {
    expect(targetTitle(main.index, target)).toBe(expected);
  });
});

describe('eventsFor', () => {
  const pactEvents = eventsFor(main.index, { kind: 'relation', id: PACT });

  it('starts the 2024 pact’s timeline with the 1961 treaty it recalls', () => {
    const firstEvent = pactEvents[0];
    expect(firstEvent?.relations).toContain(TREATY_1961);
    expect(firstEvent?.date.text).toBe('1961-07-06');
  });

  it('ends the 2024 pact’s timeline with its entry into force on 4 December 2024', () => {
    const lastEvent = pactEvents[pactEvents.length - 1];
    expect(lastEvent?.date.text).toBe('2024-12-04');
    expect(lastEvent?.relations).toContain(PACT);
  });

  it('includes Putin’s 2000 visit and the 2024 visit in the pact’s timeline', () => {
    const ids = pactEvents.map((e) => e.id);
    expect(ids).toContain('visit-2000');
    expect(ids).toContain('visit-2024');
  });

  it('lists the pact’s events oldest first, with no event twice and none unrelated', () => {
    const days = pactEvents.map((e) => e.date.earliest);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(new Set(pactEvents.map((e) => e.id)).size).toBe(pactEvents.length);
    const family = new Set([PACT, ...mustGet(main.index.relations, PACT).related]);
    for (const event of pactEvents) expect(event.relations.some((r) => family.has(r))).toBe(true);
    // Not part of the pact's history: the war and the UN sanctions.
    expect(pactEvents.map((e) => e.id)).not.toContain('invasion-2022');
    expect(pactEvents.map((e) => e.id)).not.toContain('unsc-1718');
  });

  it('gives the 1961 treaty only its own events, not the later ones that name it as history', () => {
    const ids = eventsFor(main.index, { kind: 'relation', id: TREATY_1961 }).map((e) => e.id);
    expect(ids).toEqual([
      'treaty-1961-signed',
      'treaties-1961-in-force',
      'ussr-dissolves',
      'treaty-1961-lapses',
    ]);
  });

  it('gives an actor the events that name it, oldest first', () => {
    const events = eventsFor(main.index, { kind: 'actor', id: 'SUN' });
    expect(events.map((e) => e.id)).toEqual([
      'treaty-1961-signed',
      'treaties-1961-in-force',
      'warsaw-pact-ends',
      'ussr-dissolves',
    ]);
  });

  it.each<{ target: Target; expected: string[] }>([
    { target: { kind: 'event', id: 'visit-2000' }, expected: ['visit-2000'] },
    { target: { kind: 'event', id: 'nope' }, expected: [] },
    { target: { kind: 'relation', id: 'nope' }, expected: [] },
    { target: { kind: 'actor', id: 'nope' }, expected: [] },
  ])('gives $target.kind "$target.id" the events $expected', ({ target, expected }) => {
    expect(eventsFor(main.index, target).map((e) => e.id)).toEqual(expected);
  });
});

describe('spansFor and spanExtent', () => {
  const pactEvents = eventsFor(main.index, { kind: 'relation', id: PACT });
  const spans = spansFor(main.index, pactEvents, { kind: 'relation', id: PACT });
  const rawGap = main.raw.spans.find((s) => s.id === GAP);

  it('shows the 24-year gap between Putin’s visits on the pact’s timeline', () => {
    expect(spans.map((s) => s.id)).toContain(GAP);
  });

  it('measures the gap from its bounding events’ dates as 23 years and 11 months', () => {
    const gap = spans.find((s) => s.id === GAP) as Span;
    const fromEvent = mustGet(main.index.events, rawGap?.from ?? 'missing');
    const toEvent = mustGet(main.index.events, rawGap?.to ?? 'missing');
    expect(fromEvent.date.text).toBe('2000-07-19');
    expect(toEvent.date.text).toBe('2024-06-19');

    const extent = main.index.extents.get(gap.id);
    const fromDay = fromEvent.date.earliest;
    const toDay = toEvent.date.earliest;
    expect(extent?.from).toEqual({
      day: fromDay,
      latest: fromDay,
      date: fromEvent.date,
      eventId: fromEvent.id,
    });
    expect(extent?.to).toEqual({
      day: toDay,
      latest: toDay,
      date: toEvent.date,
      eventId: toEvent.id,
    });
    expect(extent?.approximate).toBe(false);
    expect(extent?.longest).toBeNull();
    expect(extent?.length).toEqual(durationBetween(fromDay, toDay));
    expect(extent?.length).toMatchObject({ years: 23, months: 11, days: 0 });
    expect(formatDuration(extent!.length!)).toBe('23 years and 11 months');
  });

  it('leaves out spans whose ends are not on the timeline and that do not name the relation', () => {
    const ids = spans.map((s) => s.id);
    expect(ids).not.toContain('war-ukraine');
    expect(ids).toEqual(
      expect.arrayContaining(['treaty-1961-life', 'treaty-2000-life', 'pact-2024-life']),
    );
  });

  it('shows a span that names the relation even when no event is shown', () => {
    expect(
      spansFor(main.index, [], { kind: 'relation', id: 'war-rus-ukr' }).map((s) => s.id),
    ).toEqual(['war-ukraine']);
  });

  it('gives a still-running span no end and no length', () => {
    const war = main.index.story.spans.find((s) => s.id === 'war-ukraine') as Span;
    const extent = spanExtent(main.index.events, war);
    expect(extent?.from.day).toBe(parseDay('2022-02-24'));
    expect(extent?.to).toBeNull();
    expect(extent?.length).toBeNull();
  });

  it('accepts a plain date at either end of a span and answers null for an end that is neither', () => {
    const dated: Span = {
      id: 's',
      label: 'dated',
      from: '2000',
      to: '2000-07-19',
      relations: [],
      kind: 'era',
    };
    const extent = spanExtent(main.index.events, dated);
    expect(extent?.from).toMatchObject({
      day: parseDay('2000-01-01'),
      latest: parseDay('2000-12-31'),
      date: { text: '2000', precision: 'year', range: false },
    });
    expect(extent?.length).toMatchObject({ years: 0, months: 6, days: 18 });
    // A year-only end: the length is only "about", and says so.
    expect(extent?.approximate).toBe(true);
    expect(formatDuration(extent!.length!, { about: extent!.approximate })).toBe('about 6 months');
    expect(spanExtent(main.index.events, { ...dated, from: 'not-a-thing' })).toBeNull();
  });
});

describe('focusSet', () => {
  it('returns null when nothing is selected', () => {
    expect(focusSet(main.index, null)).toBeNull();
  });

  it.each(['RUS', 'PRK', 'USA', 'SUN'])('includes the other side of every relation of %s', (id) => {
    const focus = focusSet(main.index, { kind: 'actor', id });
    expect(focus?.actors.has(id)).toBe(true);
    const sidesOf = (r: RawStory['relations'][number]) => r.sides ?? [r.from, r.to];
    const expectedRelations = main.raw.relations.filter((r) => sidesOf(r).includes(id));
    expect(expectedRelations.length).toBeGreaterThan(0);
    expect([...(focus?.relations ?? [])].sort()).toEqual(expectedRelations.map((r) => r.id).sort());
    for (const r of expectedRelations)
      for (const side of sidesOf(r)) expect(focus?.actors.has(side ?? '')).toBe(true);
  });

  it('brings the Soviet Union into focus with North Korea through the 1961 treaty', () => {
    const focus = focusSet(main.index, { kind: 'actor', id: 'PRK' });
    expect(focus?.actors.has('SUN')).toBe(true);
    expect(focus?.actors.has('FIN')).toBe(false);
  });

  it('brings a group’s members into focus with the group', () => {
    const focus = focusSet(main.index, { kind: 'actor', id: 'NATO' });
    expect(focus?.actors.has('FIN')).toBe(true);
    expect(focus?.actors.has('SWE')).toBe(true);
    expect(focus?.actors.has('RUS')).toBe(true);
    expect(focus?.actors.has('PRK')).toBe(false);
  });

  it('focuses a relation on exactly its two sides', () => {
    const focus = focusSet(main.index, { kind: 'relation', id: ARMS });
    expect([...(focus?.actors ?? [])].sort()).toEqual(['PRK', 'RUS']);
    expect([...(focus?.relations ?? [])]).toEqual([ARMS]);
  });

  it('focuses an event on its actors and its relations’ sides', () => {
    const focus = focusSet(main.index, { kind: 'event', id: 'containers-1000' });
    expect([...(focus?.actors ?? [])].sort()).toEqual(['PRK', 'RUS', 'USA']);
    expect([...(focus?.relations ?? [])].sort()).toEqual(['accuse-usa-prk', 'arms-prk-rus']);
  });

  it('focuses nothing for an id the story does not define', () => {
    const focus = focusSet(main.index, { kind: 'relation', id: 'nope' });
    expect(focus?.actors.size).toBe(0);
    expect(focus?.relations.size).toBe(0);
  });
});

describe('mentionsFor', () => {
  it('includes both sides’ names, their aliases and the relation’s own words for the arms relation', () => {
    const mentions = mentionsFor(main.index, { kind: 'relation', id: ARMS });
    expect(mentions).toEqual(
      expect.arrayContaining(['North Korea', 'Russia', 'Pyongyang', 'Moscow', 'arms']),
    );
  });

  it('includes the Soviet Union and North Korea for the 1961 treaty', () => {
    const mentions = mentionsFor(main.index, { kind: 'relation', id: TREATY_1961 });
    expect(mentions).toEqual(
      expect.arrayContaining(['Soviet Union', 'North Korea', '1961 treaty']),
    );
    expect(mentions).not.toContain('Russia');
  });

  it.each<{ target: Target; includes: string[]; excludes: string[] }>([
    {
      target: { kind: 'actor', id: 'USA' },
      includes: ['United States', 'U.S.', 'Washington'],
      excludes: ['Russia'],
    },
    {
      target: { kind: 'event', id: 'visit-2024' },
      includes: ['Russia', 'North Korea', 'Putin', 'Kim Jong Un'],
      excludes: ['China'],
    },
  ])('highlights $includes for $target.kind "$target.id"', ({ target, includes, excludes }) => {
    const mentions = mentionsFor(main.index, target);
    expect(mentions).toEqual(expect.arrayContaining(includes));
    for (const word of excludes) expect(mentions).not.toContain(word);
  });

  it.each<Target>([
    { kind: 'actor', id: 'nope' },
    { kind: 'relation', id: 'nope' },
    { kind: 'event', id: 'nope' },
  ])('has nothing to highlight for the unknown $kind "$id"', (target) => {
    expect(mentionsFor(main.index, target)).toEqual([]);
  });
});

describe('notesFor and relationsOf', () => {
  it.each<{ target: Target; expected: string[] }>([
    {
      target: { kind: 'relation', id: 'pact-2024' },
      expected: ['n-signing-date', 'n-pact-art4', 'n-pact-in-force'],
    },
    {
      target: { kind: 'actor', id: 'IRN' },
      expected: ['n-coalition', 'n-drones', 'n-iran-shah'],
    },
    { target: { kind: 'event', id: 'visit-2000' }, expected: ['n-24-years'] },
    { target: { kind: 'actor', id: 'RUS' }, expected: [] },
    { target: { kind: 'event', id: 'nope' }, expected: [] },
  ])('gives $target.kind "$target.id" the notes $expected', ({ target, expected }) => {
    const notes = notesFor(main.index, target);
    expect(notes.map((n) => n.id)).toEqual(expected);
    for (const note of notes) expect(note.text.length).toBeGreaterThan(0);
  });

  it('lists every relation in which Russia is a side', () => {
    const ids = relationsOf(main.index, 'RUS').map((r) => r.id);
    expect(ids).toContain(PACT);
    expect(ids).toContain(ARMS);
    expect(ids).not.toContain(TREATY_1961);
  });
});

describe('the same engine on the Nordic fixture', () => {
  const { index, article } = nordic;

  it('returns Finland’s passages from the fixture’s own article, in article order', () => {
    const passages = passagesFor(index, { kind: 'actor', id: 'FIN' });
    expect(passages.map((p) => p.id)).toEqual(['p-applied', 'p-finland', 'p-border']);
    const positions = passages.map((p) => article.indexOf(p.quote));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('titles the joint application as "Finland ↔ Sweden: applied to join NATO together"', () => {
    expect(relationTitle(index, mustGet(index.relations, 'joint-application'))).toBe(
      'Finland ↔ Sweden: applied to join NATO together',
    );
    expect(relationTitle(index, mustGet(index.relations, 'hungary-approves'))).toMatch(
      /^Hungary → Sweden: /,
    );
  });

  it('gives Sweden its events oldest first', () => {
    expect(eventsFor(index, { kind: 'actor', id: 'SWE' }).map((e: StoryEvent) => e.id)).toEqual([
      'applied',
      'hungary-ratifies',
      'sweden-joins',
    ]);
  });

  it('measures the wait from application to Sweden’s membership from the events’ dates', () => {
    const events = eventsFor(index, { kind: 'actor', id: 'SWE' });
    const spans = spansFor(index, events, { kind: 'actor', id: 'SWE' });
    expect(spans.map((s) => s.id)).toEqual(['sweden-wait']);
    const extent = spanExtent(index.events, spans[0] as Span);
    const expected = durationBetween(
      mustParseDate('2022-05-18').earliest,
      mustParseDate('2024-03-07').earliest,
    );
    expect(extent?.length).toEqual(expected);
    expect(formatDuration(expected)).toBe('1 year, 9 months and 18 days');
  });

  it('focuses NATO on its members and on Russia, which threatens it', () => {
    const focus = focusSet(index, { kind: 'actor', id: 'NATO' });
    expect([...(focus?.actors ?? [])].sort()).toEqual(['EST', 'FIN', 'HUN', 'NATO', 'RUS', 'SWE']);
    expect([...(focus?.relations ?? [])]).toEqual(['russia-countermeasures']);
  });

  it('highlights both sides’ names and the relation’s words for the joint application', () => {
    expect(mentionsFor(index, { kind: 'relation', id: 'joint-application' })).toEqual(
      expect.arrayContaining(['Finland', 'Sweden', 'applied', 'together']),
    );
  });
});

describe('a span with an end that sources date differently', () => {
  it('gives the shortest and the longest length, not one falsely precise figure', () => {
    const { index } = main;
    const span = index.story.spans.find((s) => s.id === 'treaty-1961-life')!;
    const extent = spanExtent(index.events, span)!;
    expect(extent.to?.date.range).toBe(true);
    expect(extent.approximate).toBe(true);
    expect(roundedYears(extent.length!)).toBe(33);
    expect(roundedYears(extent.longest!)).toBe(35);
  });
});

describe('startActors: the start panel’s shortcuts and the panels drawn ahead of a first click', () => {
  const today = sceneAt(main.index, main.index.story.asOf.earliest);
  const in1970 = sceneAt(main.index, parseDay('1970-01-01')!);
  it.each([
    ['the story’s day, 8 at most', today, 8, ['RUS', 'PRK']],
    ['the story’s day, the 2 most connected', today, 2, ['RUS', 'PRK']],
    ['1970: China’s and the Soviet Union’s ally first', in1970, 8, ['CHN', 'PRK']],
  ] as const)('%s', (_, scene, limit, first) => {
    const actors = startActors(scene, limit);
    expect(actors.length).toBeLessThanOrEqual(limit);
    expect(
      actors
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    ).toEqual([...first].sort());
    // Most connected first, and only actors on the map that day with a relation.
    const degree = (id: string) => scene.relations.filter((r) => r.sides.includes(id)).length;
    const degrees = actors.map((a) => degree(a.id));
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(degrees.every((d) => d > 0)).toBe(true);
    for (const actor of actors) expect(scene.markers).toContain(actor);
    // Russia has no relation on the map before 1991: the Soviet Union stands for it.
    if (scene === in1970) expect(actors.map((a) => a.id)).not.toContain('RUS');
  });
});
