import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  getIn,
  newDoc,
  serialize,
  setIn,
  slugify,
  storyDate,
  type Doc,
} from '../../src/lib/studio/draft';
import { record, redo, start, undo } from '../../src/lib/studio/history';
import { check, drawable, pathOf, placeOf } from '../../src/lib/studio/problems';
import {
  addCountry,
  addEvent,
  addPassage,
  addRelation,
  addSpan,
  addStep,
  list,
  moveItem,
  renameId,
  type EventJson,
  type RelationJson,
} from '../../src/lib/studio/ops';
import { passagesPathOf } from '../../src/lib/studio/article';
import { COUNTRIES, countryByCode, findCountries } from '../../src/lib/studio/countries';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function defaultDoc(): Doc {
  return {
    story: JSON.parse(read('static/stories/russia-north-korea-2024.json')),
    article: read('static/stories/russia-north-korea-2024.txt'),
    presentation: JSON.parse(read('static/stories/russia-north-korea-2024.presentation.json')),
  };
}

describe('a document', () => {
  it.each([
    [{ a: 1 }, ['a'], 2, { a: 2 }],
    [{ a: [1, 2] }, ['a', 1], 3, { a: [1, 3] }],
    [{ a: { b: 1, c: 2 } }, ['a', 'b'], undefined, { a: { c: 2 } }],
    [{}, ['a', 'b'], 1, { a: { b: 1 } }],
  ])('setIn(%j, %j, %j) gives %j and leaves the original alone', (root, path, value, out) => {
    const before = JSON.stringify(root);
    expect(setIn(root, path, value)).toEqual(out);
    expect(JSON.stringify(root)).toBe(before);
  });

  it('shares every object that an edit did not touch', () => {
    const doc = defaultDoc();
    const next = setIn(doc, ['story', 'actors', 0, 'name'], 'X');
    expect(next.story.relations).toBe(doc.story.relations);
    expect(getIn(next, ['story', 'actors', 0, 'name'])).toBe('X');
  });

  it.each([
    ['Russia and North Korea: a pact', 'russia-and-north-korea-a-pact'],
    ['Ünïcode — dashes', 'unicode-dashes'],
    ['???', 'story'],
  ])('slugify(%j) is %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it.each([
    ['the default story', 'static/stories/russia-north-korea-2024'],
    ['the second test story', 'tests/fixtures/nordic-baltic'],
    ['the Quad (many-sided relations, roles over time)', 'tests/fixtures/quad-indo-pacific'],
  ])('%s comes out unchanged after an import with no edit, and checks clean', (_, base) => {
    const story = JSON.parse(read(`${base}.json`));
    const doc: Doc = { story, article: read(`${base}.txt`), presentation: null };
    expect(JSON.parse(serialize(doc.story))).toEqual(JSON.parse(read(`${base}.json`)));
    expect(check(doc).problems).toEqual([]);
  });

  it('keeps fields it does not know through an edit', () => {
    const doc = defaultDoc();
    const story = { ...doc.story, futureField: { x: 1 } };
    const edited = setIn({ ...doc, story }, ['story', 'title'], 'New');
    expect(JSON.parse(serialize(edited.story)).futureField).toEqual({ x: 1 });
  });
});

describe('undo history', () => {
  it('undoes and redoes each edit, and a new edit drops the redo list', () => {
    let h = start('a');
    h = record(h, 'b', null, 0);
    h = record(h, 'c', null, 1);
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = undo(undo(h));
    expect(h.present).toBe('a');
    h = record(h, 'd', null, 2);
    expect(h.future).toEqual([]);
    expect(redo(h).present).toBe('d');
  });

  it('joins keystrokes in one field into one entry, but not across fields or pauses', () => {
    let h = start('');
    h = record(h, 'N', 'title', 0);
    h = record(h, 'Ne', 'title', 100);
    h = record(h, 'New', 'title', 200);
    expect(undo(h).present).toBe('');
    h = record(h, 'New!', 'title', 5000);
    expect(undo(h).present).toBe('New');
    h = record(h, 'x', 'dek', 5100);
    expect(undo(h).present).toBe('New!');
  });

  it('undo with nothing to undo changes nothing', () => {
    const h = start(1);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});

describe('problems', () => {
  const doc = defaultDoc();
  it.each([
    ['relations[3] "arms" → from', ['story', 'relations', 3, 'from']],
    ['actors[0] "RUS" → members[2] → to', ['story', 'actors', 0, 'members', 2, 'to']],
    ['steps[1] "s" → passages', ['presentation', 'steps', 1, 'passages']],
    ['asOf', ['story', 'asOf']],
    ['the story file', []],
  ])('"%s" is the field %j', (where, path) => expect(pathOf(where, doc)).toEqual(path));

  it.each([
    [
      ['story', 'relations', 1, 'periods', 0, 'from'],
      'Relation “Soviet Union – North Korea” → period 1 → from',
    ],
    [['story', 'actors', 1, 'name'], 'Actor “North Korea” → name'],
    [
      ['presentation', 'steps', 1, 'passages'],
      'Step “The Soviet Union collapses and the treaty fades” → passages',
    ],
    [['story', 'asOf'], 'Story → asOf'],
    [[], 'The story file'],
  ])('the field %j is called “%s” in the studio', (path, place) =>
    expect(placeOf(doc, path)).toBe(place),
  );

  it('names the place of each problem in the Problems tab as the studio calls things', () => {
    const broken = setIn(doc, ['story', 'relations', 0, 'periods', 0, 'from'], undefined);
    const [problem] = check(broken).problems;
    expect(problem?.where).toMatch(/^relations\[0\] "pact-2024"/);
    expect(placeOf(broken, problem!.path)).toBe(
      'Relation “Russia – North Korea” → period 1 → from',
    );
  });

  it('the default story with its presentation has none', () => {
    expect(check(doc).problems).toEqual([]);
  });

  it('a misspelt side is reported at the field, and the map draws the rest', () => {
    const broken = setIn(doc, ['story', 'relations', 0, 'from'], 'XXX');
    const { problems } = check(broken);
    expect(problems.map((p) => p.path)).toContainEqual(['story', 'relations', 0, 'from']);
    const story = drawable(broken);
    expect(story?.relations.length).toBe((doc.story.relations ?? []).length - 1);
    expect(story?.actors.length).toBe(doc.story.actors.length);
  });

  it.each([
    {
      why: 'a date left out',
      path: ['story', 'relations', 0, 'periods', 0, 'from'],
      value: undefined,
      message: 'missing',
    },
    {
      why: 'a misspelt side',
      path: ['story', 'relations', 0, 'from'],
      // The default story's actors include Russia (RUS).
      value: 'RUX',
      message: /did you mean/,
    },
  ])(
    'says what is wrong in the words the app and the CLI use: $why',
    ({ path, value, message }) => {
      const { problems } = check(setIn(doc, path, value));
      const problem = problems.find((p) => p.path.join() === path.join());
      expect(problem?.message).toMatch(message);
      expect(problem?.message).not.toMatch(/Invalid|Expected/);
    },
  );

  it('a quote not in the article leaves out that passage only', () => {
    const broken = setIn(doc, ['story', 'passages', 0, 'quote'], 'Not in the article.');
    const story = drawable(broken);
    expect(story?.passages.length).toBe(doc.story.passages.length - 1);
    expect(story?.actors.length).toBe(doc.story.actors.length);
  });

  it('a broken title leaves nothing to draw', () => {
    expect(drawable(setIn(doc, ['story', 'title'], ''))).toBeNull();
  });
});

describe('edits', () => {
  const article = 'Finland joined NATO. Sweden and Finland signed a treaty. Russia condemned it.';
  const finland = countryByCode('246')!;
  const sweden = findCountries('swe')[0]!;

  it('makes a valid story from an article, a country and a passage', () => {
    let doc = newDoc(article, 'Nordic test');
    expect(check(doc).problems.map((p) => p.message)).toContain('a story needs at least one actor');
    doc = addCountry(doc, finland).doc;
    const passage = addPassage(doc, ' Finland joined NATO. ')!;
    doc = passage.doc;
    expect(getIn(doc, ['story', 'passages', 0])).toEqual({
      id: 'p1',
      quote: 'Finland joined NATO.',
    });
    expect(check(doc).problems).toEqual([]);
    expect(addPassage(doc, 'Not there')).toBeNull();
  });

  it('keeps passages in article order and finds an existing one', () => {
    let doc = newDoc(article);
    doc = addPassage(doc, 'Russia condemned it.')!.doc;
    doc = addPassage(doc, 'Finland joined NATO.')!.doc;
    const quotes = (doc.story.passages as { quote: string }[]).map((p) => p.quote);
    expect(quotes).toEqual(['Finland joined NATO.', 'Russia condemned it.']);
    expect(addPassage(doc, 'Russia condemned it.')!.doc).toBe(doc);
  });

  it('adds a country once, with its code, names and anchor', () => {
    let doc = newDoc(article);
    doc = addCountry(doc, finland).doc;
    const again = addCountry(doc, finland);
    expect(again.doc).toBe(doc);
    expect(getIn(doc, ['story', 'actors', 0])).toMatchObject({
      id: 'FIN',
      name: 'Finland',
      features: ['246'],
      kind: 'country',
    });
  });

  it('adds a relation with a fresh id, and steps that move', () => {
    let doc = newDoc(article);
    doc = addCountry(doc, finland).doc;
    doc = addCountry(doc, sweden).doc;
    const first = addRelation(doc, 'FIN', 'SWE');
    const second = addRelation(first.doc, 'FIN', 'SWE');
    expect([first.id, second.id]).toEqual(['fin-swe', 'fin-swe-2']);
    // No invented date: the new relation's period waits for one, and so does a new event.
    expect(list<RelationJson>(first.doc, 'relations')[0]!.periods).toEqual([
      { from: '', status: 'in-force' },
    ]);
    expect(list<EventJson>(addEvent(doc).doc, 'events')[0]!.date).toBe('');
    const view = { date: '2024', actors: ['FIN'], relations: [], passages: [] };
    doc = addStep(addStep(doc, view, 'One').doc, view, 'Two').doc;
    doc = moveItem(doc, ['presentation', 'steps'], 1, 0);
    expect(doc.presentation?.steps.map((s) => s.title)).toEqual(['Two', 'One']);
  });
});

describe('a new story’s date', () => {
  it.each([
    [
      'its dateline, over the dates it tells',
      'Pact\n19 June 2024\n\nIn 1961 and in May 2025 they met.',
      '2024-06-19',
    ],
    [
      'the latest date it gives',
      'Pact\n\nIn 1961 they signed. On 4 April 2023 Finland joined.',
      '2023-04-04',
    ],
    ['a month, when that is all it gives', 'Pact\n\nIn May 2022 they applied.', '2022-05'],
  ])('is %s', (_, article, date) => {
    expect(storyDate(article)).toBe(date);
    expect(newDoc(article).story.asOf).toBe(date);
  });

  it('is today only for an article that gives no date', () => {
    const day = () => new Date().toISOString().slice(0, 10);
    const [before, date, after] = [day(), storyDate('Pact\n\nThey met.'), day()];
    expect([before, after]).toContain(date);
  });
});

describe('spans', () => {
  it('adds a span from the story’s year, with a fresh id each time', () => {
    const first = addSpan(newDoc('Text.', 'T'));
    const second = addSpan(first.doc);
    expect([first.id, second.id]).toEqual(['span', 'span-2']);
    expect(getIn(second.doc, ['story', 'spans', 0])).toEqual({
      id: 'span',
      label: 'New span',
      from: String(first.doc.story.asOf).slice(0, 4),
    });
  });

  it('keeps a story’s spans through an edit of another field', () => {
    const doc = defaultDoc();
    const edited = setIn(doc, ['story', 'spans', 2, 'label'], 'The gap');
    const before = doc.story.spans as unknown[];
    const after = edited.story.spans as unknown[];
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
  });

  it('quotes nothing for a span (the schema gives spans no passages)', () => {
    expect(passagesPathOf(defaultDoc(), { kind: 'spans', index: 0 })).toBeNull();
    expect(passagesPathOf(defaultDoc(), { kind: 'events', index: 0 })).toEqual([
      'story',
      'events',
      0,
      'passages',
    ]);
  });
});

describe('countries', () => {
  it('knows every country of the map by its code', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240);
    expect(countryByCode('408')).toMatchObject({ id: 'PRK', name: 'North Korea' });
    expect(findCountries('korea').map((c) => c.id)).toEqual(expect.arrayContaining(['PRK', 'KOR']));
  });

  it('places a country added by hand at its capital, as the draft does', () => {
    expect(countryByCode('246')).toMatchObject({ id: 'FIN', anchorLabel: 'Helsinki' });
  });
});

describe('renaming a source or a note', () => {
  const doc = (): Doc => {
    const d = defaultDoc();
    return { ...d, story: { ...d.story } };
  };

  /** How often each id is cited in the story and its steps (ids only, not keys or text). */
  const citations = (d: Doc, id: string) =>
    JSON.stringify([d.story, d.presentation]).split(`"${id}"]`).length -
    1 +
    JSON.stringify([d.story, d.presentation]).split(`"${id}",`).length -
    1;

  it.each([
    ['sources', 'state-media'],
    ['notes', 'n-renamed'],
  ] as const)(
    'carries every citation of the first of the %s with it, and the story stays valid',
    (name, id) => {
      const before = doc();
      const old = (before.story[name] as { id: string }[])[0]!.id;
      const after = renameId(before, name, 0, id);
      expect(citations(before, old)).toBeGreaterThan(1); // the item itself, and citations
      expect(citations(after, id)).toBe(citations(before, old));
      expect(citations(after, old)).toBe(0);
      expect(check(after).problems).toEqual([]);
    },
  );

  it('carries nothing into an id another item has', () => {
    const before = doc();
    const [first, second] = before.story.sources as { id: string }[];
    const after = renameId(before, 'sources', 0, second!.id);
    expect(JSON.stringify(after.story.events)).toBe(JSON.stringify(before.story.events));
    expect(first!.id).not.toBe(second!.id);
  });
});
