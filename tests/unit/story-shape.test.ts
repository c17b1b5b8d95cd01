/**
 * The comparison behind the studio's from-scratch test (tests/e2e/story-shape.ts): it ignores ids
 * the studio makes up, empty lists, a colour's case and a marker's third decimal, and nothing a
 * reader or the file shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchors, storyShape } from '../e2e/story-shape';

type Json = Record<string, unknown>;
const fixture = (): Json =>
  JSON.parse(readFileSync(new URL('../fixtures/nordic-baltic.json', import.meta.url), 'utf8'));

/** The fixture with every free id renamed, as the studio would name them. */
function renamed(): Json {
  let text = JSON.stringify(fixture());
  const ids: [string, string][] = [
    ['p-applied', 'p1'],
    ['p-ratifications', 'p3'],
    ['joint-application', 'fin-swe'],
    ['new-member', 'named'],
    ['"nato"', '"source-2"'],
    ['n-last-ratifications', 'note'],
    ['sweden-joins', 'e-2024-03-07'],
    ['sweden-wait', 'span'],
  ];
  for (const [from, to] of ids) text = text.split(from).join(to);
  return JSON.parse(text) as Json;
}

describe('storyShape', () => {
  it('reads a story whose made-up ids differ as the same story', () => {
    expect(storyShape(renamed())).toEqual(storyShape(fixture()));
  });

  it('reads empty lists, a colour’s case and key order as the same', () => {
    const story = fixture();
    const [fin, ...rest] = story['actors'] as Json[];
    const { features: _f, ...noFeatures } = (story['actors'] as Json[])[5]!;
    const roles = (story['roles'] as Json[]).map((r) => ({
      ...r,
      color: String(r['color']).toLowerCase(),
    }));
    const same = {
      ...story,
      roles,
      actors: [Object.fromEntries(Object.entries(fin!).reverse()), ...rest.slice(0, 4), noFeatures],
    };
    expect(storyShape(same)).toEqual(storyShape(fixture()));
  });

  it.each([
    ['a relation’s label', (s: Json) => ((s['relations'] as Json[])[0]!['label'] = 'allies')],
    ['a relation’s direction', (s: Json) => ((s['relations'] as Json[])[1]!['directed'] = false)],
    [
      'a period’s status',
      (s: Json) =>
        (((s['relations'] as Json[])[3]!['periods'] as Json[])[0]!['status'] = 'in-force'),
    ],
    ['an actor’s role', (s: Json) => ((s['actors'] as Json[])[4]!['role'] = 'alliance')],
    [
      'a passage’s words',
      (s: Json) => ((s['passages'] as Json[])[6]!['quote'] = 'Russia said it.'),
    ],
    ['an event’s sources', (s: Json) => ((s['events'] as Json[])[0]!['sources'] = ['nato'])],
    [
      'which passages an actor quotes',
      (s: Json) => ((s['actors'] as Json[])[0]!['passages'] = ['p-applied']),
    ],
    [
      'a membership date',
      (s: Json) => (((s['actors'] as Json[])[5]!['members'] as Json[])[0]!['from'] = '1999-03-12'),
    ],
  ])('tells a story apart when %s differs', (_, change) => {
    const story = fixture();
    change(story);
    expect(storyShape(story)).not.toEqual(storyShape(fixture()));
  });

  it('keeps markers out of the shape, for a comparison with a tolerance', () => {
    const story = fixture();
    (story['actors'] as Json[])[0]!['anchor'] = [24.935, 60.17];
    expect(storyShape(story)).toEqual(storyShape(fixture()));
    expect(anchors(story)['FIN']).toEqual([24.935, 60.17]);
  });
});
