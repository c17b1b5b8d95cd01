/**
 * `npm run story -- draft` and `new`: the draft of the default article against its finished
 * story, the parts it is made of (sentences, dates, statuses), and that `check` passes both.
 */
import { describe, it, expect } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datesIn, draftStory, sentences, statusOf } from '../../scripts/story/draft';
import { scoreStories } from '../../scripts/story/score';
import { checkStory } from '../../scripts/story/check';
import { newStory } from '../../scripts/story/new';
import { storyJsonSchema } from '../../scripts/story-schema';

const ARTICLES = ['russia-north-korea-2024', 'aukus-2021', 'sahel-alliance-2023'].map((slug) => ({
  article: `static/stories/${slug}.txt`,
  story: `static/stories/${slug}.json`,
}));
const TODAY = new Date('2024-06-30T00:00:00Z');

function draftOf(file: string) {
  return draftStory(readFileSync(file, 'utf8'), file, TODAY);
}

/** Saves a draft beside a copy of its article and checks it as a writer would. */
function checkDraft(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'draft-'));
  const draft = draftOf(file);
  const name = file.split('/').pop()!;
  copyFileSync(file, join(dir, name));
  writeFileSync(join(dir, name.replace(/\.txt$/, '.json')), JSON.stringify(draft, null, 2));
  return checkStory(join(dir, name.replace(/\.txt$/, '.json')));
}

describe('draft on the default article', () => {
  const file = 'static/stories/russia-north-korea-2024.txt';
  const [actors, pairs] = scoreStories(
    draftOf(file),
    JSON.parse(readFileSync('static/stories/russia-north-korea-2024.json', 'utf8')) as Record<
      string,
      unknown
    >,
  );

  it('finds at least 90% of the actors with at least 80% precision', () => {
    expect(actors!.recall).toBeGreaterThanOrEqual(0.9);
    expect(actors!.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('proposes at least 60% of the relations’ pairs of sides', () => {
    expect(pairs!.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('quotes every passage verbatim', () => {
    const article = readFileSync(file, 'utf8');
    const passages = draftOf(file)['passages'] as { quote: string }[];
    expect(passages.length).toBeGreaterThan(10);
    expect(passages.filter((p) => !article.includes(p.quote))).toEqual([]);
  });

  it('gives countries their ISO codes and capitals, and says it is a draft', () => {
    const draft = draftOf(file);
    const prk = (draft['actors'] as Record<string, unknown>[]).find((a) => a['id'] === 'PRK');
    expect(prk).toMatchObject({ features: ['408'], anchorLabel: 'Pyongyang' });
    expect(draft['draft']).toBe(true);
  });
});

describe.each(ARTICLES)('the draft of $article', ({ article, story }) => {
  it('passes check without errors', () => {
    expect(checkDraft(article).filter((r) => r.severity === 'error')).toEqual([]);
  });

  it('finds most of the finished story’s actors and relation pairs', () => {
    const finished = JSON.parse(readFileSync(story, 'utf8')) as Record<string, unknown>;
    const [actors, pairs] = scoreStories(draftOf(article), finished);
    expect(actors!.recall).toBeGreaterThanOrEqual(0.9);
    expect(actors!.precision).toBeGreaterThanOrEqual(0.8);
    expect(pairs!.recall).toBeGreaterThanOrEqual(0.6);
  });
});

describe('the parts of a draft', () => {
  it('splits sentences with Intl.Segmenter, headings on their own, at their place in the text', () => {
    const text = 'A heading\n\nThe U.S. and Japan met. They agreed.';
    expect(sentences(text)).toEqual([
      { text: 'A heading', start: 0, paragraph: 0 },
      { text: 'The U.S. and Japan met.', start: 11, paragraph: 1 },
      { text: 'They agreed.', start: 35, paragraph: 1 },
    ]);
  });

  it.each([
    [
      'a sentence without a date takes the last date its paragraph gave',
      'Pact\n\nIn March 2023 Russia and Iran met. Russia and Iran signed a partnership.',
      '2023-03',
    ],
    [
      'but not a date from an earlier paragraph',
      'Pact\n\nThe talks began in 1961.\nRussia and Iran signed a partnership.',
      undefined,
    ],
  ])('dates a relation: %s', (_, article, from) => {
    const draft = draftStory(article, 'pact.txt', TODAY) as {
      relations: { type: string; periods: { from?: string }[] }[];
      asOf: string;
    };
    const partnership = draft.relations.find((r) => r.type === 'strategic-partnership')!;
    // The file must pass `check`: an undated relation takes the story's date there.
    expect(partnership.periods[0]!.from).toBe(from ?? draft.asOf);
  });

  it.each([
    ['signed on 19 June 2024 in Pyongyang', ['2024-06-19']],
    ['on June 19, 2024, they met', ['2024-06-19']],
    ['in March 2023 and again in 2024', ['2023-03', '2024']],
    ['a 1961 treaty and 11,000 containers, 24 years on', ['1961']],
    ['on 31 February 2023', []],
    // A comma after a year ends its clause; one inside a number does not make it a year.
    ['a treaty signed in 1951, welcomed the deal', ['1951']],
    ['an agreement with Japan in 2022, is expected to', ['2022']],
    ['a rise of 1999,5 tonnes (a decimal comma)', []],
  ])('finds the dates in “%s” with their precision', (sentence, dates) => {
    expect(datesIn(sentence).map((d) => d.date)).toEqual(dates);
  });

  it.each([
    ['The U.S. has alleged that North Korea supplied arms.', 'alleged'],
    ['Iran denied supplying the drones.', 'denied'],
    ['The agreement is reportedly centred on mutual assistance.', 'reported'],
    ['The two leaders signed the treaty.', 'in-force'],
  ])('reads the status of “%s” as %s', (sentence, status) => {
    expect(statusOf(sentence)).toBe(status);
  });
});

describe('new', () => {
  it('writes a story and article that check passes without a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-'));
    const [json] = newStory('my-story', dir);
    expect(checkStory(json!)).toEqual([]);
  });

  it('refuses a name that is not a slug', () => {
    expect(() => newStory('My Story', tmpdir())).toThrow(/not a story name/);
  });
});

describe('the JSON Schema', () => {
  it('is made from the valibot schema, accepts "$schema" and needs no anchor', () => {
    const schema = storyJsonSchema() as {
      properties: Record<string, { items?: { required?: string[]; properties?: object } }>;
      required: string[];
    };
    expect(schema.properties['$schema']).toBeDefined();
    expect(schema.required).toContain('actors');
    expect(schema.properties['actors']?.items?.required).toEqual(['id', 'name', 'kind']);
  });
});
