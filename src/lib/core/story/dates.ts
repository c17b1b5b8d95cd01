/**
 * Dates as the story writes them: a day, a month, a year, or an uncertain range
 * `earliest/latest`. Each is parsed once, when the story loads, into a `StoryDate` that keeps
 * how precisely it was given, so that "1958" is shown as 1958 (never "1 January 1958") and a
 * boundary known only to the month is uncertain over that whole month. Everything is compared as
 * whole UTC days so that time zones and clocks never move a treaty by a day.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a day, or a month or year when that is all that is known. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Days since 1970-01-01 (UTC). */
export type Day = number;

export type Precision = 'day' | 'month' | 'year';

/** A parsed story date: the first and last day it may mean, and how precisely it was given. */
export interface StoryDate {
  /** As written in the story file (`1958`, `2023-03`, `1995/1996-09-10`). */
  readonly text: string;
  readonly earliest: Day;
  readonly latest: Day;
  /** How precisely the (first part of the) date was given. */
  readonly precision: Precision;
  /** True when it was written as a range `earliest/latest` (sources disagree). */
  readonly range: boolean;
  /** Serialised back as written, so a parsed story can be validated (or saved) again. */
  toJSON(): string;
}

/** True when the date means one known day (not a month, a year or a range). */
export function isExact(date: StoryDate): boolean {
  return date.earliest === date.latest;
}

const MS_PER_DAY = 86_400_000;

/** A UTC date; `setUTCFullYear` because `Date.UTC` reads years 0–99 as 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utc(year, month, 0).getUTCDate();
}

/** The day number of a calendar date (month 1–12), for any year. */
export function toDay(year: number, month: number, day: number): Day {
  return Math.round(utc(year, month - 1, day).getTime() / MS_PER_DAY);
}

interface Part {
  earliest: Day;
  latest: Day;
  precision: Precision;
}

/** Parses one `YYYY[-MM[-DD]]`; null when it is not a real calendar date (2023-02-30). */
function parsePart(text: string): Part | null {
  if (!PARTIAL_DATE.test(text)) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
  if (m === undefined)
    return { earliest: toDay(y, 1, 1), latest: toDay(y, 12, 31), precision: 'year' };
  const last = daysInMonth(y, m);
  if (d === undefined)
    return { earliest: toDay(y, m, 1), latest: toDay(y, m, last), precision: 'month' };
  if (d > last) return null;
  return { earliest: toDay(y, m, d), latest: toDay(y, m, d), precision: 'day' };
}

function storyDate(text: string, part: Omit<StoryDate, 'text' | 'toJSON'>): StoryDate {
  return { text, ...part, toJSON: () => text };
}

/**
 * Parses a story date or uncertain range; null when it is malformed or impossible. Only the
 * story module calls this, when a story loads: everything else reads the parsed `StoryDate`.
 */
export function parseDate(text: string): StoryDate | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const first = parsePart(parts[0] ?? '');
  if (!first) return null;
  if (parts.length === 1) return storyDate(text, { ...first, range: false });
  const last = parsePart(parts[1] ?? '');
  if (!last || last.latest < first.earliest) return null;
  return storyDate(text, {
    earliest: first.earliest,
    latest: last.latest,
    precision: first.precision,
    range: true,
  });
}

/** Like `parseDate` for text already checked against `PARTIAL_DATE`. */
export function mustParseDate(text: string): StoryDate {
  const parsed = parseDate(text);
  if (!parsed) throw new Error(`Not a valid date: "${text}"`);
  return parsed;
}

/** `YYYY-MM-DD` → day number, or null. Used for the `?date=` parameter. */
export function parseDay(text: string): Day | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parsed = parsePart(text);
  return parsed ? parsed.earliest : null;
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The value for `<time datetime>`: the date as precise as it is known (`1958`, `2023-03`, a day; a range's first part). */
export function datetimeAttr(date: StoryDate): string {
  return (date.text.split('/')[0] ?? date.text).trim();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function formatPart(text: string): string {
  const [y, m, d] = text.split('-');
  if (!m) return y ?? text;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Two parts of a range or of a multi-day event, shortened where they share a month or year. */
function formatPair(a: string, b: string): string {
  const [y1, m1, d1] = a.split('-');
  const [y2, m2, d2] = b.split('-');
  // "1995–96", "1998–2001": two years, the second shortened when only its last digits differ.
  if (!m1 && !m2 && y1 && y2) {
    const short = y1.slice(0, 2) === y2.slice(0, 2) ? y2.slice(2) : y2;
    return `${y1}–${short}`;
  }
  if (y1 === y2 && m1 && m2 && !d1 && !d2)
    return `${MONTHS[Number(m1) - 1]}–${MONTHS[Number(m2) - 1]} ${y1}`;
  if (y1 === y2 && m1 === m2 && d1 && d2)
    return `${Number(d1)}–${Number(d2)} ${MONTHS[Number(m1) - 1]} ${y1}`;
  if (y1 === y2 && m1 && m2 && d1 && d2)
    return `${Number(d1)} ${MONTHS[Number(m1) - 1]} – ${formatPart(b)}`;
  return `${formatPart(a)} – ${formatPart(b)}`;
}

/**
 * A story date at its own precision, in the newsroom's style: "6 July 1961", "March 2023",
 * "1958", "1995–96", "1995 – 10 September 1996". `until` gives the last day of a multi-day event
 * ("19–20 July 2000").
 */
export function formatDate(date: StoryDate, until?: StoryDate): string {
  const [a = date.text, b] = date.text.split('/');
  if (b) return formatPair(a, b);
  if (!until || until.text === date.text) return formatPart(a);
  return formatPair(a, until.text.split('/')[0] ?? until.text);
}

/** The map's date (always a day): "20 July 2000". */
export function formatDayText(day: Day): string {
  return formatPart(formatDay(day));
}

/** A length of time in whole years, months and days, as a calendar counts it. */
export interface Duration {
  years: number;
  months: number;
  days: number;
  totalDays: number;
}

/** `from` moved on by whole months, clamped to the month's end (31 January + 1 month = 29 February). */
function addMonths(from: Date, months: number): Date {
  const total = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  return utc(year, month, Math.min(from.getUTCDate(), daysInMonth(year, month + 1)));
}

/**
 * Calendar difference between two days (`to` after `from`): whole years and months counted
 * forward from `from`, then the days left, as Temporal and java.time count periods.
 */
export function durationBetween(from: Day, to: Day): Duration {
  const a = new Date(from * MS_PER_DAY);
  const b = new Date(to * MS_PER_DAY);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  const days = Math.round((b.getTime() - addMonths(a, months).getTime()) / MS_PER_DAY);
  return { years: Math.floor(months / 12), months: months % 12, days, totalDays: to - from };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const WHOLE_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "8,749": a count with thousands separators (one formatter for all: making one is slow). */
export function formatCount(n: number): string {
  return WHOLE_NUMBER.format(n);
}

/**
 * "23 years, 10 months and 30 days": the largest units that are not zero. `about` is for a length
 * with a partial end (a year or month): it says "about" and drops the days it cannot know.
 */
export function formatDuration(d: Duration, { about = false } = {}): string {
  const parts = [
    d.years ? plural(d.years, 'year') : '',
    d.months ? plural(d.months, 'month') : '',
    d.days && !about ? plural(d.days, 'day') : '',
  ].filter(Boolean);
  if (about) return parts.length ? `about ${joinParts(parts)}` : 'less than a month';
  if (parts.length === 0) return '0 days';
  return joinParts(parts);
}

function joinParts(parts: string[]): string {
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Whole years, rounded, as a headline would say it ("24 years"). */
export function roundedYears(d: Duration): number {
  return Math.round(d.totalDays / 365.2425);
}
