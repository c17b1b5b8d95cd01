/**
 * The stories the app ships are validated at build time and read back in the browser without
 * the validator (scripts/checked-stories.ts, src/lib/core/story/checked.ts): what is read back must
 * be exactly what the validator would have given, dates included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStoryFile } from '../../scripts/checked-stories';
import {
  datePaths,
  fillReadingTexts,
  reviveStory,
  splitReadingTexts,
  type CheckedFile,
  type ReadingTexts,
} from '../../src/lib/core/story/checked';
import { parseStory } from '../../src/lib/core/story/validate';

const dir = new URL('../../static/stories/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.presentation.json'))
  .map((f) => f.slice(0, -'.json'.length));

/** A value with every story date spelt out, so two stories compare field by field. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => typeof v !== 'function');
  return Object.fromEntries(entries.map(([k, v]) => [k, plain(v)]));
}

describe('a shipped story read back from its checked form', () => {
  it.each(shipped)('%s is the story the validator gives, dates parsed', (slug) => {
    const json = JSON.parse(read(`${slug}.json`)) as { article: { src: string } };
    const article = read(json.article.src);
    const expected = parseStory(json, article);
    if (!expected.ok) throw new Error(`${slug} does not validate`);
    // As the browser gets it: through JSON text.
    const file = JSON.parse(JSON.stringify(checkStoryFile(json, article, slug))) as CheckedFile;
    // The first download leaves the reading texts out; they are put back before the panel shows.
    const split = splitReadingTexts(file.story);
    const story = reviveStory({ ...file, story: JSON.parse(JSON.stringify(split.story)) });
    expect(story.passages.every((p) => p.quote === undefined)).toBe(true);
    expect(story.actors.every((a) => a.aliases === undefined)).toBe(true);
    fillReadingTexts(story, JSON.parse(JSON.stringify(split.texts)) as ReadingTexts);
    expect(plain(story)).toEqual(plain(expected.story));
    expect(story.asOf?.earliest).toBe(expected.story.asOf?.earliest);
  });
});

describe('checking a story at build time', () => {
  it('fails with every problem named', () => {
    const json = JSON.parse(read('aukus-2021.json')) as Record<string, unknown>;
    const broken = { ...json, asOf: '2021-13', roles: 'none' };
    expect(() => checkStoryFile(broken, read('aukus-2021.txt'), 'aukus-2021.json')).toThrow(
      /aukus-2021\.json is not a valid story:\n {2}asOf: .*\n {2}roles: /,
    );
  });
});

describe('datePaths', () => {
  const isDate = (v: unknown) => typeof v === 'string' && v.startsWith('d:');
  it.each([
    [{ asOf: 'd:1' }, ['asOf']],
    [
      { actors: [{ roles: [{ from: 'd:1' }, { to: 'd:2' }] }] },
      ['actors.*.roles.*.from', 'actors.*.roles.*.to'],
    ],
    [{ events: [{ date: 'd:1' }, { date: 'd:2' }] }, ['events.*.date']],
    [{ title: 'd but not a date', list: [] }, []],
  ] as const)('%j has its dates at %j', (value, paths) => {
    expect([...datePaths(value, isDate)].sort()).toEqual(paths);
  });
});

describe('reviveStory', () => {
  it('parses the dates at their paths and leaves every other string alone', () => {
    const story = reviveStory({
      dates: ['asOf', 'events.*.date', 'events.*.until'],
      story: {
        asOf: '2024-06',
        title: '2024-06',
        events: [{ date: '1961' }, { date: '2000-07-19', until: '2000-07-20' }],
      },
    });
    const s = story as unknown as {
      asOf: { precision: string };
      title: string;
      events: { date: { text: string }; until?: { earliest: number } }[];
    };
    expect(s.asOf.precision).toBe('month');
    expect(s.title).toBe('2024-06');
    expect(s.events.map((e) => e.date.text)).toEqual(['1961', '2000-07-19']);
    expect(s.events[0]).not.toHaveProperty('until');
    expect(s.events[1]!.until!.earliest).toBeGreaterThan(0);
  });
});

describe('the reading texts', () => {
  const story = {
    title: 'T',
    actors: [{ id: 'PRK', name: 'North Korea', aliases: ['Pyongyang'], summary: 'S.' }],
    relations: [{ id: 'r', sides: ['PRK', 'RUS'], mentions: ['pact'] }],
    passages: [{ id: 'p1', quote: 'One.', notes: ['n1'] }],
    notes: [{ id: 'n1', text: 'A note.', sources: ['s1', 's2'] }],
    sources: [
      { id: 's1', label: 'Site', url: 'https://example.org/' },
      { id: 's2', label: 'Book' },
    ],
    events: [{ id: 'e', date: '2024-06-19', title: 'Signed', description: 'In Pyongyang.' }],
  };
  it('leave the first download with only the ids and lists', () => {
    const { story: without, texts } = splitReadingTexts(story);
    expect(without).toEqual({
      title: 'T',
      actors: [{ id: 'PRK', name: 'North Korea' }],
      relations: [{ id: 'r', sides: ['PRK', 'RUS'] }],
      passages: [{ id: 'p1' }],
      notes: [{ id: 'n1' }],
      sources: [{ id: 's1' }, { id: 's2' }],
      events: [{ id: 'e', date: '2024-06-19', title: 'Signed' }],
    });
    expect(texts).toEqual({
      actors: [{ aliases: ['Pyongyang'], summary: 'S.' }],
      relations: [{ mentions: ['pact'] }],
      passages: [{ quote: 'One.', notes: ['n1'] }],
      notes: [{ text: 'A note.', sources: ['s1', 's2'] }],
      sources: [{ label: 'Site', url: 'https://example.org/' }, { label: 'Book' }],
      events: [{ description: 'In Pyongyang.' }],
    });
  });
  it('leave out no list the story lacks', () => {
    const { story: without, texts } = splitReadingTexts({ title: 'T', actors: [] });
    expect(without).toEqual({ title: 'T', actors: [] });
    expect(texts).toEqual({ actors: [] });
  });
  it('go back into the same objects, which an index keeps', () => {
    const { story: without, texts } = splitReadingTexts(story);
    const passage = (without['passages'] as object[])[0];
    fillReadingTexts(without as never, texts);
    expect(passage).toEqual(story.passages[0]);
    expect(without).toEqual(story);
  });
});
