/**
 * One draft generator (src/lib/core/draft/) for `npm run story -- draft` and the studio: the same
 * draft from both for every story's article, and what taking a suggestion into a story does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftStory } from '../../scripts/story/draft';
import { countryTable } from '../../scripts/story/lexicon';
import { fromRows, toRows } from '../../src/lib/core/draft/table';
import { sentences } from '../../src/lib/core/draft/sentences';
import { newDoc, type Doc } from '../../src/lib/studio/draft';
import { check } from '../../src/lib/studio/problems';
import {
  acceptActor,
  acceptEvent,
  acceptRelation,
  draftItems,
  suggestionsFor,
} from '../../src/lib/studio/suggest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const TODAY = new Date('2024-06-30T00:00:00Z');
const ARTICLES = ['russia-north-korea-2024', 'aukus-2021', 'sahel-alliance-2023'];

describe('one generator for the CLI and the studio', () => {
  it.each(ARTICLES)(
    'drafts %s alike in both, but for the dates the article does not give',
    (slug) => {
      const file = `static/stories/${slug}.txt`;
      const article = read(file);
      const { story, undated } = suggestionsFor(article, { file, today: TODAY });
      // The file must pass `check`, so there the story's date stands in; the studio leaves it
      // unset for the editor.
      const dated = (story['relations'] as { id: string; periods: object[] }[]).map((r) =>
        undated.includes(r.id)
          ? { ...r, periods: r.periods.map((p) => ({ from: story['asOf'], ...p })) }
          : r,
      );
      expect({ ...story, relations: dated }).toEqual(draftStory(article, file, TODAY));
    },
  );

  it('keeps every country through the compact table the studio ships', () => {
    const table = countryTable();
    const sorted = (t: typeof table) => t.map((c) => ({ ...c, words: [...c.words].sort() }));
    expect(sorted(fromRows(toRows(table)))).toEqual(sorted(table));
  });

  it('splits an article into verbatim sentences', () => {
    const article = read('tests/fixtures/nordic-baltic.txt');
    for (const s of sentences(article))
      expect(article.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe('taking suggestions into a story', () => {
  const article = read('tests/fixtures/nordic-baltic.txt');
  const draft = suggestionsFor(article, { today: TODAY });
  const start = (): Doc => newDoc(article);
  const ids = (doc: Doc, name: 'actors' | 'relations' | 'events') =>
    ((doc.story[name] ?? []) as { id: string }[]).map((x) => x.id);

  it('suggests the second story’s countries, NATO as a group, and typed relations', () => {
    const actors = draftItems(draft, 'actors');
    expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining(['FIN', 'SWE', 'RUS', 'NATO']));
    expect(actors.find((a) => a.id === 'NATO')).toMatchObject({ kind: 'group' });
    expect(
      draftItems(draft, 'relations').map((r) => `${r['from']} ${r['type']} ${r['to']}`),
    ).toEqual(expect.arrayContaining(['RUS war UKR']));
  });

  it('adds a country with the sentences that name it as its passages, but the headline', () => {
    const doc = acceptActor(start(), draft, 'FIN');
    const fin = (doc.story.actors as { id: string; passages: string[] }[])[0]!;
    expect(fin).toMatchObject({ id: 'FIN', officialName: 'Republic of Finland' });
    const quotes = (doc.story.passages as { id: string; quote: string }[]).filter((p) =>
      fin.passages.includes(p.id),
    );
    expect(quotes.map((q) => q.quote)).toEqual([
      "Finland and Sweden applied to join NATO together in May 2022, after Russia's full-scale invasion of Ukraine ended their long-standing military non-alignment.",
      "Finland became the alliance's 31st member on 4 April 2023.",
      "With Finland inside the alliance, NATO's land border with Russia more than doubled.",
    ]);
  });

  it('knows a country by its English exonym, which world-countries does not list', () => {
    // "Turkey's parliament approved…": world-countries has "Türkiye", "Turkiye" and "Republic of Turkey".
    const doc = acceptActor(start(), draft, 'TUR');
    const tur = (doc.story.actors as { id: string; passages: string[] }[])[0]!;
    const quotes = (doc.story.passages as { id: string; quote: string }[]).filter((p) =>
      tur.passages.includes(p.id),
    );
    expect(quotes.map((q) => q.quote)).toEqual([
      "Turkey's parliament approved Sweden's accession in January 2024, and Hungary's parliament followed on 26 February 2024.",
    ]);
  });

  it('adds a group with only the members the story has, when asked', () => {
    let doc = start();
    for (const id of ['FIN', 'SWE', 'HUN']) doc = acceptActor(doc, draft, id);
    doc = acceptActor(doc, draft, 'NATO', { members: 'story' });
    expect(ids(doc, 'actors')).toEqual(['FIN', 'SWE', 'HUN', 'NATO']);
    const nato = (doc.story.actors as { id: string; members?: { actor: string }[] }[])[3]!;
    expect(nato.members!.map((m) => m.actor)).toEqual(['HUN', 'FIN', 'SWE']);
    expect(check(doc).problems).toEqual([]);
  });

  it('offers a relation the article gives no date for undated, and the check says so', () => {
    const text = 'Pact\n\nRussia and North Korea signed a partnership.';
    const undated = suggestionsFor(text, { today: TODAY });
    const [relation] = draftItems(undated, 'relations');
    const doc = acceptRelation(newDoc(text), undated, relation!.id);
    expect(check(doc).problems.map((p) => p.path.join('.'))).toContain(
      'story.relations.0.periods.0.from',
    );
  });

  it('brings a group’s members with it, and the result has no errors', () => {
    const doc = acceptActor(start(), draft, 'NATO');
    expect(ids(doc, 'actors')).toEqual(expect.arrayContaining(['NATO', 'FIN', 'SWE', 'USA']));
    expect(check(doc).problems).toEqual([]);
  });

  it('brings a relation’s sides and an event’s passages, each valid', () => {
    const relation = draftItems(draft, 'relations')[0]!;
    const event = draftItems(draft, 'events')[0]!;
    let doc = acceptRelation(start(), draft, relation.id);
    doc = acceptEvent(doc, draft, event.id);
    expect(ids(doc, 'relations')).toEqual([relation.id]);
    expect(ids(doc, 'events')).toEqual([event.id]);
    expect(check(doc).problems).toEqual([]);
  });

  it('adds an actor once however often it is taken', () => {
    const once = acceptActor(start(), draft, 'FIN');
    expect(acceptActor(once, draft, 'FIN')).toBe(once);
  });
});
