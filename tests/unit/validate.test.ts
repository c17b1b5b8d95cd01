/**
 * parseStory turns untrusted JSON and article text into a story, or into errors that name the
 * item and field at fault; it never throws.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStory, type StoryError, type StoryResult } from '../../src/lib/core/story/validate';
import { explainErrors } from '../../src/lib/core/story/messages';

const root = fileURLToPath(new URL('../..', import.meta.url));

const ARTICLE = [
  'Alpha and Beta sign a treaty',
  '',
  'Alpha and Beta signed a treaty of friendship on 1 May 2020.',
  '',
  'Gamma watched from afar.',
].join('\n');

/** A small valid story; each test breaks one thing in a fresh copy. */
function minimalStory() {
  return {
    id: 'mini',
    title: 'Alpha and Beta',
    asOf: '2024-06-19',
    article: { src: 'mini.txt', title: 'Alpha and Beta sign a treaty' },
    credit: 'Written for the tests.',
    roles: [{ id: 'side', label: 'The sides', color: '#112233' }],
    sources: [{ id: 'wire', label: 'A wire service' }],
    notes: [{ id: 'n1', text: 'A note.', sources: ['wire'] }],
    passages: [
      {
        id: 'p-treaty',
        quote: 'Alpha and Beta signed a treaty of friendship on 1 May 2020.',
        notes: ['n1'],
      },
      { id: 'p-gamma', quote: 'Gamma watched from afar.' },
    ],
    actors: [
      {
        id: 'A',
        name: 'Alpha',
        kind: 'country',
        role: 'side',
        anchor: [10, 20],
        passages: ['p-treaty'],
      },
      { id: 'B', name: 'Beta', kind: 'country', role: 'side', anchor: [30, 40] },
      {
        id: 'G',
        name: 'Gamma',
        kind: 'group',
        role: 'side',
        anchor: [0, 0],
        members: [{ actor: 'A', from: '2001', to: '2010-05' }],
        exists: { from: '1990' },
      },
    ],
    relations: [
      {
        id: 'ab',
        type: 'strategic-partnership',
        label: 'friendship treaty',
        from: 'A',
        to: 'B',
        directed: false,
        periods: [
          { from: '2020-05-01', to: '2023', status: 'in-force' },
          { from: '2023', status: 'lapsed' },
        ],
        passages: ['p-treaty'],
      },
    ],
    events: [
      {
        id: 'signing',
        date: '2020-05-01',
        until: '2020-05-02',
        title: 'The treaty is signed',
        sources: ['article', 'wire'],
        actors: ['A', 'B'],
        relations: ['ab'],
        passages: ['p-treaty'],
      },
    ],
    spans: [
      { id: 'life', label: 'The treaty in force', from: 'signing', to: '2023', relations: ['ab'] },
    ],
  };
}

type Mini = ReturnType<typeof minimalStory>;

/** The errors in the words the reader sees (with the fuller messages the app loads on error). */
function errorsOf(result: StoryResult, article = ARTICLE): StoryError[] {
  if (result.ok) throw new Error('expected the story to be refused, but it was accepted');
  return explainErrors(result.errors, article);
}

/** The first array element, failing the test setup if there is none. */
function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('test setup: empty list');
  return item;
}

describe('parseStory on a valid story', () => {
  it('accepts a minimal valid story and fills in the defaults', () => {
    const result = parseStory(minimalStory(), ARTICLE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.story.id).toBe('mini');
    expect(result.story.actors.map((a) => a.id)).toEqual(['A', 'B', 'G']);
    expect(first(result.story.actors).aliases).toEqual([]);
    // Beta lists no passages: it gets the ones that name it.
    expect(result.story.actors[1]?.passages).toEqual(['p-treaty']);
    expect(result.story.relations[0]?.mentions).toEqual([]);
    expect(result.story.spans[0]?.kind).toBe('era');
  });

  it('accepts a story with only the required collections', () => {
    const story = {
      id: 'tiny',
      title: 'Tiny',
      asOf: '2024-01-01',
      article: { src: 'tiny.txt', title: 'Tiny' },
      credit: 'Tests.',
      roles: [{ id: 'r', label: 'Role', color: '#000000' }],
      passages: [],
      actors: [{ id: 'A', name: 'Alpha', kind: 'country', role: 'r', anchor: [0, 0] }],
    };
    const result = parseStory(story, '');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.story.relations).toEqual([]);
  });
});

describe('parseStory on a broken story', () => {
  it.each<{
    what: string;
    breakIt: (s: Mini) => unknown;
    article?: string;
    where: string;
    message: string;
  }>([
    {
      what: 'an unknown actor in a relation’s from',
      breakIt: (s) => {
        s.relations[0]!.from = 'ZZZ';
      },
      where: 'relations[0] "ab" → from',
      message: 'unknown actor "ZZZ"',
    },
    {
      what: 'an unknown actor in a relation’s to',
      breakIt: (s) => {
        s.relations[0]!.to = 'QQQ';
      },
      where: 'relations[0] "ab" → to',
      message: 'unknown actor "QQQ"',
    },
    {
      what: 'a relation from an actor to itself',
      breakIt: (s) => {
        s.relations[0]!.to = 'A';
      },
      where: 'relations[0] "ab" → to',
      message: 'a relation needs two different sides',
    },
    {
      what: 'an unknown group member',
      breakIt: (s) => {
        s.actors[2]!.members![0]!.actor = 'NOPE';
      },
      where: 'actors[2] "G" → members[0] → actor',
      message: 'unknown actor "NOPE"',
    },
    {
      what: 'a quote that is not in the article',
      breakIt: (s) => {
        s.passages[1]!.quote = 'Gamma applauded loudly.';
      },
      where: 'passages[1] "p-gamma" → quote',
      message:
        'not in the article: it differs from the nearest passage at character 7 (the quote has "a" where the article has "w")',
    },
    {
      what: 'a quote that differs from the article only in its apostrophe',
      breakIt: (s) => {
        s.passages[1]!.quote = "Gamma's men watched from afar.";
      },
      article: ARTICLE.replace('Gamma watched', 'Gamma’s men watched'),
      where: 'passages[1] "p-gamma" → quote',
      message:
        'not in the article: it differs from the nearest passage at character 6 (a typographic difference: the quote has "\'" (straight apostrophe) where the article has "’" (curly apostrophe); copy the article\'s characters)',
    },
    {
      what: 'a duplicate actor id',
      breakIt: (s) => {
        s.actors[1]!.id = 'A';
      },
      where: 'actors[1] "A" → id',
      message: 'duplicate id "A"',
    },
    {
      what: 'a duplicate passage id',
      breakIt: (s) => {
        s.passages[1]!.id = 'p-treaty';
      },
      where: 'passages[1] "p-treaty" → id',
      message: 'duplicate id "p-treaty"',
    },
    {
      what: 'an impossible date in an event',
      breakIt: (s) => {
        s.events[0]!.date = '2023-02-30';
        delete (s.events[0] as { until?: string }).until;
      },
      where: 'events[0] "signing" → date',
      message: 'day 30 does not exist in February 2023 (it has 28 days)',
    },
    {
      what: 'an impossible last day in an event',
      breakIt: (s) => {
        s.events[0]!.until = '2021-04-31';
      },
      where: 'events[0] "signing" → until',
      message: 'day 31 does not exist in April 2021 (it has 30 days)',
    },
    {
      what: 'an event that ends before it starts',
      breakIt: (s) => {
        s.events[0]!.until = '2020-04-30';
      },
      where: 'events[0] "signing" → until',
      message: 'ends (2020-04-30) before it starts (2020-05-01)',
    },
    {
      what: 'a period that ends before it starts',
      breakIt: (s) => {
        s.relations[0]!.periods[0]!.to = '2019-12';
      },
      where: 'relations[0] "ab" → periods[0] → to',
      message: 'ends (2019-12) before it starts (2020-05-01)',
    },
    {
      what: 'an impossible day in a period',
      breakIt: (s) => {
        s.relations[0]!.periods[1]!.from = '2023-02-29';
      },
      where: 'relations[0] "ab" → periods[1] → from',
      message: 'day 29 does not exist in February 2023 (it has 28 days)',
    },
    {
      what: 'a membership that ends before it starts',
      breakIt: (s) => {
        s.actors[2]!.members![0]!.to = '2000';
      },
      where: 'actors[2] "G" → members[0] → to',
      message: 'ends (2000) before it starts (2001)',
    },
    {
      what: 'an existence that ends before it starts',
      breakIt: (s) => {
        (s.actors[2]!.exists as { to?: string }).to = '1980';
      },
      where: 'actors[2] "G" → exists → to',
      message: 'ends (1980) before it starts (1990)',
    },
    {
      what: 'a month that does not exist in an event date',
      breakIt: (s) => {
        s.events[0]!.date = '2024-13-01';
      },
      where: 'events[0] "signing" → date',
      message: 'month 13 does not exist',
    },
    {
      what: 'actors that are a string instead of a list',
      breakIt: (s) => ({ ...s, actors: 'x' }),
      where: 'actors',
      message: 'must be a list [ … ], not "x"',
    },
    {
      what: 'a name that is a number',
      breakIt: (s) => {
        (s.actors[1] as { name: unknown }).name = 5;
      },
      where: 'actors[1] "B" → name',
      message: 'must be text, not 5',
    },
    {
      what: 'an empty name',
      breakIt: (s) => {
        s.actors[1]!.name = '   ';
      },
      where: 'actors[1] "B" → name',
      message: 'must not be empty',
    },
    {
      what: 'an unknown actor kind',
      breakIt: (s) => {
        s.actors[1]!.kind = 'planet';
      },
      where: 'actors[1] "B" → kind',
      message: '"planet" is not allowed here: use one of country, group, organization, historical',
    },
    {
      what: 'an unknown role',
      breakIt: (s) => {
        s.actors[1]!.role = 'villain';
      },
      where: 'actors[1] "B" → role',
      message: 'unknown role "villain"',
    },
    {
      what: 'an unknown passage id in an actor',
      breakIt: (s) => {
        s.actors[1]!.passages = ['p-missing'];
      },
      where: 'actors[1] "B" → passages[0]',
      message: 'unknown passage "p-missing"',
    },
    {
      what: 'an unknown passage id in a relation',
      breakIt: (s) => {
        s.relations[0]!.passages = ['p-treaty', 'p-nowhere'];
      },
      where: 'relations[0] "ab" → passages[1]',
      message: 'unknown passage "p-nowhere"',
    },
    {
      what: 'an unknown passage id in an event',
      breakIt: (s) => {
        s.events[0]!.passages = ['p-ghost'];
      },
      where: 'events[0] "signing" → passages[0]',
      message: 'unknown passage "p-ghost"',
    },
    {
      what: 'an unknown note on a passage',
      breakIt: (s) => {
        s.passages[0]!.notes = ['n-missing'];
      },
      where: 'passages[0] "p-treaty" → notes[0]',
      message: 'unknown note "n-missing"',
    },
    {
      what: 'an unknown source in an event',
      breakIt: (s) => {
        s.events[0]!.sources = ['article', 'rumour'];
      },
      where: 'events[0] "signing" → sources[1]',
      message: 'unknown source "rumour"',
    },
    {
      what: 'an unknown relation in an event',
      breakIt: (s) => {
        s.events[0]!.relations = ['ba'];
      },
      where: 'events[0] "signing" → relations[0]',
      message: 'unknown relation "ba"',
    },
    {
      what: 'a span end that is neither an event nor a date',
      breakIt: (s) => {
        s.spans[0]!.to = 'someday';
      },
      where: 'spans[0] "life" → to',
      message: '"someday" is neither an event id nor a date',
    },
    {
      what: 'an unknown successor',
      breakIt: (s) => {
        (s.actors[2] as { successor?: string }).successor = 'HEIR';
      },
      where: 'actors[2] "G" → successor',
      message: 'unknown actor "HEIR"',
    },
    {
      what: 'an impossible as-of date',
      breakIt: (s) => {
        s.asOf = '2024-02-30';
      },
      where: 'asOf',
      message: 'day 30 does not exist in February 2024 (it has 29 days)',
    },
    {
      what: 'a relation with no passages, and none naming both sides',
      breakIt: (s) => {
        s.relations[0]!.passages = [];
        s.actors[1]!.name = 'Beth';
      },
      where: 'relations[0] "ab" → passages',
      message:
        'cites no passage, and no passage names both "A" and "B" (by name or alias): list the passages',
    },
    {
      what: 'a required field left out',
      breakIt: (s) => {
        delete (s.relations[0] as { directed?: boolean }).directed;
      },
      where: 'relations[0] "ab" → directed',
      message: 'missing',
    },
    {
      what: 'a misspelt group id',
      breakIt: (s) => {
        s.actors[2]!.id = 'AUKUS';
        s.relations[0]!.to = 'AUKSU';
      },
      where: 'relations[0] "ab" → to',
      message: 'unknown actor "AUKSU": did you mean "AUKUS"?',
    },
    {
      what: 'a misspelt status',
      breakIt: (s) => {
        s.relations[0]!.periods[0]!.status = 'in-forc';
      },
      where: 'relations[0] "ab" → periods[0] → status',
      message: '"in-forc" is not allowed here: did you mean "in-force"?',
    },
    {
      what: 'an actor that is its own successor',
      breakIt: (s) => {
        (s.actors[2] as { successor?: string }).successor = 'G';
      },
      where: 'actors[2] "G" → successor',
      message: 'an actor cannot be its own successor',
    },
    {
      what: 'successors that go round in a circle',
      breakIt: (s) => {
        (s.actors[0] as { successor?: string }).successor = 'B';
        (s.actors[1] as { successor?: string }).successor = 'A';
      },
      where: 'actors[0] "A" → successor',
      message: 'successors go round in a circle: A → B → A',
    },
    {
      what: 'a group listed as its own member',
      breakIt: (s) => {
        s.actors[2]!.members![0]!.actor = 'G';
      },
      where: 'actors[2] "G" → members[0] → actor',
      message: 'a group cannot be a member of itself',
    },
    {
      what: 'an id with a space',
      breakIt: (s) => {
        s.actors[1]!.id = 'B B';
      },
      where: 'actors[1] "B B" → id',
      message: 'must be letters, digits, "-" or "_"',
    },
  ])('refuses $what, naming the item and field', ({ breakIt, article, where, message }) => {
    const story = minimalStory();
    const replaced = breakIt(story);
    const errors = errorsOf(parseStory(replaced ?? story, article ?? ARTICLE), article ?? ARTICLE);
    const error = errors.find((e) => e.where === where);
    expect(error, `no error at "${where}" among ${JSON.stringify(errors)}`).toBeDefined();
    expect(error?.message).toBe(message);
  });

  it('reports every problem at once, not only the first', () => {
    const story = minimalStory();
    story.relations[0]!.from = 'ZZZ';
    story.actors[1]!.role = 'villain';
    story.passages[1]!.quote = 'Not in the article.';
    const wheres = errorsOf(parseStory(story, ARTICLE)).map((e) => e.where);
    expect(wheres).toEqual(
      expect.arrayContaining([
        'relations[0] "ab" → from',
        'actors[1] "B" → role',
        'passages[1] "p-gamma" → quote',
      ]),
    );
  });

  it.each<{ label: string; input: unknown }>([
    { label: 'null', input: null },
    { label: 'undefined', input: undefined },
    { label: 'an array', input: [] },
    { label: 'a string', input: 'text' },
    { label: 'a number', input: 42 },
    { label: 'an empty object', input: {} },
  ])('refuses $label as a story with errors instead of throwing', ({ input }) => {
    let result: StoryResult | undefined;
    expect(() => {
      result = parseStory(input, ARTICLE);
    }).not.toThrow();
    const errors = errorsOf(result!);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(typeof error.where).toBe('string');
      expect(error.where.length).toBeGreaterThan(0);
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it.each(['null', '"text"', '42', 'true', '[]', '[1, 2]'])(
    'names the story file itself when the input %s is not an object',
    (json) => {
      const errors = errorsOf(parseStory(JSON.parse(json) as unknown, ARTICLE));
      expect(errors).toHaveLength(1);
      expect(first(errors).where).toBe('the story file');
      expect(first(errors).message).toMatch(/must be a JSON object/);
    },
  );

  it('refuses an empty object by naming the required fields it lacks', () => {
    const wheres = errorsOf(parseStory({}, ARTICLE)).map((e) => e.where);
    expect(wheres).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'asOf',
        'article',
        'credit',
        'roles',
        'passages',
        'actors',
      ]),
    );
  });

  it('turns an input whose properties throw when read into an error instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    let result: StoryResult | undefined;
    expect(() => {
      result = parseStory(hostile, ARTICLE);
    }).not.toThrow();
    expect(errorsOf(result!).length).toBeGreaterThan(0);
  });

  it('refuses a valid story against an empty article, naming every passage', () => {
    const wheres = errorsOf(parseStory(minimalStory(), '')).map((e) => e.where);
    expect(wheres).toEqual(['passages[0] "p-treaty" → quote', 'passages[1] "p-gamma" → quote']);
  });
});

describe('parseStory on the shipped stories', () => {
  it.each([
    {
      json: 'static/stories/russia-north-korea-2024.json',
      txt: 'static/stories/russia-north-korea-2024.txt',
      id: 'russia-north-korea-2024',
    },
    {
      json: 'tests/fixtures/nordic-baltic.json',
      txt: 'tests/fixtures/nordic-baltic.txt',
      id: 'nordic-baltic',
    },
  ])('accepts $json with its article', ({ json, txt, id }) => {
    const data = JSON.parse(fs.readFileSync(path.join(root, json), 'utf8')) as unknown;
    const article = fs.readFileSync(path.join(root, txt), 'utf8');
    const result = parseStory(data, article);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.story.id).toBe(id);
  });

  it('refuses the default story against the fixture’s article, because its quotes are missing', () => {
    const data = JSON.parse(
      fs.readFileSync(path.join(root, 'static/stories/russia-north-korea-2024.json'), 'utf8'),
    ) as unknown;
    const article = fs.readFileSync(path.join(root, 'tests/fixtures/nordic-baltic.txt'), 'utf8');
    const errors = errorsOf(parseStory(data, article));
    expect(errors.every((e) => / → quote$/.test(e.where))).toBe(true);
    expect(errors).toHaveLength(30);
  });
});

describe('parseStory on presentation steps', () => {
  // The story with the steps of its presentation file put in, as the app loads it to present.
  const base = () => ({
    ...(JSON.parse(
      fs.readFileSync('static/stories/russia-north-korea-2024.json', 'utf8'),
    ) as Record<string, unknown>),
    ...(JSON.parse(
      fs.readFileSync('static/stories/russia-north-korea-2024.presentation.json', 'utf8'),
    ) as { steps: Record<string, unknown>[] }),
  });
  const text = fs.readFileSync('static/stories/russia-north-korea-2024.txt', 'utf8');

  it.each([
    ['actors', ['ATLANTIS'], 'actors', 'unknown actor "ATLANTIS"'],
    ['relations', ['no-such-relation'], 'relations', 'unknown relation "no-such-relation"'],
    ['event', 'no-such-event', 'event', 'unknown event "no-such-event"'],
    ['passages', ['p-missing'], 'passages', 'unknown passage "p-missing"'],
    ['date', '2024-02-30', 'date', 'day 30 does not exist in February 2024 (it has 29 days)'],
  ])(
    'refuses a step whose %s names something that is not in the story',
    (field, value, named, message) => {
      const story = base();
      story.steps[2]![field] = value;
      const result = parseStory(story, text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = explainErrors(result.errors, text).find((e) =>
        e.where.startsWith(`steps[2] "${story.steps[2]!.id as string}" → ${named}`),
      );
      expect(error?.message).toBe(message);
    },
  );
});
