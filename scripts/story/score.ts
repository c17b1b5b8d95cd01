/**
 * `npm run story -- draft --score <article.txt> <story.json>`: how close the draft comes to a
 * finished story: precision and recall of its actors, of its relations' pairs of sides, and of
 * its events (an event counts as found when a draft event's date overlaps it).
 */
import { readFileSync } from 'node:fs';
import { parseDate } from '../../src/lib/core/story/dates';
import { draftFromFile } from './draft';

type Json = Record<string, unknown>;
export interface Measure {
  what: string;
  draft: number;
  story: number;
  precision: number;
  recall: number;
}

const list = (json: Json, key: string) => (Array.isArray(json[key]) ? (json[key] as Json[]) : []);
/** A relation's pairs of sides: one for `from` and `to`, every pair of a `sides` list. */
const pairs = (r: Json): string[] => {
  const sides = Array.isArray(r['sides'])
    ? r['sides'].map(String)
    : [String(r['from']), String(r['to'])];
  return sides.flatMap((a, i) => sides.slice(i + 1).map((b) => [a, b].sort().join('–')));
};

function measure(
  what: string,
  draft: string[],
  story: string[],
  same: (a: string, b: string) => boolean = (a, b) => a === b,
): Measure {
  const d = [...new Set(draft)];
  const s = [...new Set(story)];
  const hits = d.filter((x) => s.some((y) => same(x, y))).length;
  const found = s.filter((y) => d.some((x) => same(x, y))).length;
  return {
    what,
    draft: d.length,
    story: s.length,
    precision: d.length ? hits / d.length : 0,
    recall: s.length ? found / s.length : 0,
  };
}

const overlap = (a: string, b: string) => {
  const [x, y] = [parseDate(a), parseDate(b)];
  return !!x && !!y && x.earliest <= y.latest && y.earliest <= x.latest;
};

export function scoreStories(draft: Json, story: Json): Measure[] {
  return [
    measure(
      'actors',
      list(draft, 'actors').map((a) => String(a['id'])),
      list(story, 'actors').map((a) => String(a['id'])),
    ),
    measure(
      'relation pairs',
      list(draft, 'relations').flatMap(pairs),
      list(story, 'relations').flatMap(pairs),
    ),
    measure(
      'events (by date)',
      list(draft, 'events').map((e) => String(e['date'])),
      list(story, 'events').map((e) => String(e['date'])),
      overlap,
    ),
  ];
}

export function scoreDraft(articleFile: string, storyFile: string): Measure[] {
  return scoreStories(
    draftFromFile(articleFile),
    JSON.parse(readFileSync(storyFile, 'utf8')) as Json,
  );
}

export function formatScore(rows: readonly Measure[]): string {
  const pct = (n: number) => n.toFixed(2);
  return [
    'what               draft  story  precision  recall',
    ...rows.map(
      (r) =>
        `${r.what.padEnd(17)}  ${String(r.draft).padStart(5)}  ${String(r.story).padStart(5)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`,
    ),
  ].join('\n');
}
