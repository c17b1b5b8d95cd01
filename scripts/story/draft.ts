/**
 * `npm run story -- draft <article.txt>`: a first story for any English news article, made by
 * the generator the studio runs too (src/lib/core/draft/generate.ts) with the country table built
 * here in Node (lexicon.ts). The result passes `check` and says it is a draft until someone
 * edits it.
 */
import { readFileSync } from 'node:fs';
import { draftStory as generate } from '../../src/lib/core/draft/generate';
import { countryTable } from './lexicon';

export { sentences } from '../../src/lib/core/draft/sentences';
export { datesIn } from '../../src/lib/core/draft/dates';
export { statusOf } from '../../src/lib/core/draft/wording';

/** The draft of an article's text, as if read from `file`. */
export function draftStory(
  article: string,
  file: string,
  today = new Date(),
): Record<string, unknown> {
  return generate(article, { file, today, countries: countryTable() });
}

export function draftFromFile(file: string): Record<string, unknown> {
  return draftStory(readFileSync(file, 'utf8'), file);
}
