/** Dates a sentence gives, at the precision it gives them, for the draft generator. */
import { parseDate } from '../story/dates';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December)';
const pad = (n: number) => String(n).padStart(2, '0');

export interface FoundDate {
  text: string;
  date: string;
}

/** Dates the sentence gives, each with the precision it has ("in March 2023" is a month). */
export function datesIn(sentence: string): FoundDate[] {
  const found: (FoundDate & { at: number; length: number })[] = [];
  const taken = (at: number, length: number) =>
    found.some((f) => at < f.at + f.length && f.at < at + length);
  const add = (m: RegExpExecArray, date: string) => {
    if (!taken(m.index, m[0].length))
      found.push({ text: m[0], date, at: m.index, length: m[0].length });
  };
  const month = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;
  for (const m of sentence.matchAll(new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[3]}-${pad(month(m[2]!))}-${pad(Number(m[1]))}`);
  for (const m of sentence.matchAll(new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[3]}-${pad(month(m[1]!))}-${pad(Number(m[2]))}`);
  for (const m of sentence.matchAll(new RegExp(`\\b${MONTH},? (\\d{4})\\b`, 'g')))
    add(m as RegExpExecArray, `${m[2]}-${pad(month(m[1]!))}`);
  // A year, not a decade ("the early 2030s") nor part of a number ("11,000", "2,000,000"); a
  // comma after it may end a clause ("signed in 1951, welcomed").
  for (const m of sentence.matchAll(/(?<![\d,.])(1[89]\d\d|20\d\d)(?!\d|,\d|['’]?s\b)/g))
    add(m as RegExpExecArray, m[1]!);
  return found
    .filter((f) => parseDate(f.date) !== null)
    .sort((a, b) => a.at - b.at)
    .map(({ text, date }) => ({ text, date }));
}

/**
 * The article's own date, when it gives one: a short line near the top, after the headline, that
 * holds a full date ("Published 19 June 2024", a dateline). Undefined when it has none.
 */
export function articleDate(article: string): string | undefined {
  const lines = article
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(1, 4);
  for (const line of lines) {
    // A dateline is short and one phrase; a paragraph that names a date is the story's body.
    if (line.length > 60 || /[.!?]\s+\S/.test(line)) break;
    const day = datesIn(line).find((d) => d.date.length === 10);
    if (day) return day.date;
  }
  return undefined;
}
