/**
 * How long making a story takes a person, modelled: the studio's from-scratch test against
 * writing the same file by hand. No person was timed; this is the keystroke-level model (Card,
 * Moran and Newell, "The Psychology of Human-Computer Interaction", 1983, with Kieras's operator
 * times) applied to what the test does and to what the file holds.
 *
 *   npx tsx scripts/story/timing.ts <ui-actions.json> [story.json] [article.txt]
 *
 * `ui-actions.json` is the tally the studio test attaches (tests/e2e/studio.spec.ts: clicks,
 * fields, characters typed, text selections, and how long the scripted run took).
 */
import { readFileSync } from 'node:fs';

/** Operator times in seconds (Kieras 2001): a keystroke of an average typist (40 words a minute),
 * pointing with the mouse, a click, moving a hand between mouse and keyboard, a mental act. */
const K = 0.28;
const P = 1.1;
const BB = 0.2;
const H = 0.4;
const M = 1.2;
/** Reading the article once, at 250 words a minute (both ways start with it). */
const READING_WPM = 250;
/** Looking a value up elsewhere (an ISO code, a capital's coordinates, an official name): a search
 * and a copy. An assumption, not an operator of the model. */
const LOOKUP = 30;

interface Tally {
  clicks: number;
  fields: number;
  typed: number;
  selections: number;
  scriptedMs: number;
}

/** The studio: each click a decision and a point; each field a point, typing, and hands moved. */
export function studioSeconds(t: Tally, words: number) {
  const parts = {
    reading: (words / READING_WPM) * 60,
    clicks: t.clicks * (M + P + BB),
    fields: t.fields * (M + P + BB + 2 * H),
    typing: t.typed * K,
    selections: t.selections * (M + 2 * P + BB),
  };
  return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

/**
 * By hand: every value of the file decided and typed (indentation left to the editor), the
 * article's sentences copied in, and each country's codes, marker and official name looked up.
 */
export function handSeconds(story: Record<string, unknown>, words: number) {
  const passages = (story['passages'] as { quote: string }[]).map((p) => p.quote);
  const actors = story['actors'] as Record<string, unknown>[];
  const lookups = actors.reduce(
    (n, a) => n + (a['kind'] === 'country' ? 3 : a['anchor'] ? 1 : 0),
    0,
  );
  const text = JSON.stringify(story, null, 2);
  // What is typed: the file less its indentation and the quotes pasted from the article.
  const typed =
    text.split('\n').reduce((n, line) => n + line.trim().length, 0) -
    passages.reduce((n, q) => n + q.length, 0);
  let values = 0;
  const count = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(count);
    else if (v && typeof v === 'object') Object.values(v).forEach(count);
    else values++;
  };
  count(story);
  const parts = {
    reading: (words / READING_WPM) * 60,
    decisions: values * M,
    typing: typed * K,
    quotes: passages.length * (M + 2 * P + BB + 4 * K + P + BB),
    lookups: lookups * LOOKUP,
  };
  return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0), typed, values, lookups };
}

if (process.argv[1]?.endsWith('timing.ts')) {
  const [tallyFile, storyFile = 'tests/fixtures/nordic-baltic.json', articleFile] =
    process.argv.slice(2);
  if (!tallyFile) throw new Error('usage: timing.ts <ui-actions.json> [story.json] [article.txt]');
  const tally = JSON.parse(readFileSync(tallyFile, 'utf8')) as Tally;
  const story = JSON.parse(readFileSync(storyFile, 'utf8')) as Record<string, unknown>;
  const article = readFileSync(articleFile ?? storyFile.replace(/\.json$/, '.txt'), 'utf8');
  const words = article.split(/\s+/).filter(Boolean).length;
  const studio = studioSeconds(tally, words);
  const hand = handSeconds(story, words);
  const min = (s: number) => `${(s / 60).toFixed(1)} min`;
  const show = (parts: Record<string, number>) =>
    Object.entries(parts)
      .map(([k, v]) => `${k} ${Math.round(v)} s`)
      .join(', ');
  console.log(
    `studio: ${tally.clicks} clicks, ${tally.fields} fields, ${tally.typed} characters, ` +
      `${tally.selections} selections; scripted run ${(tally.scriptedMs / 1000).toFixed(1)} s`,
  );
  console.log(`  modelled person: ${min(studio.total)} (${show(studio.parts)})`);
  console.log(
    `by hand: ${hand.values} values, ${hand.typed} characters typed, ${hand.lookups} look-ups`,
  );
  console.log(`  modelled person: ${min(hand.total)} (${show(hand.parts)})`);
}
