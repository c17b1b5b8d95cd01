/**
 * Plain-words diagnoses shared by the app's error view and `npm run story -- check`: what is
 * wrong with a date, which id was probably meant, and where a quote departs from its article.
 */
import type * as v from 'valibot';
import type { Hint, StoryError } from './validate';
import { MONTHS } from './dates';

/** Why one `YYYY[-MM[-DD]]` is not a date, or null when it is one. */
function datePartProblem(text: string): string | null {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) return `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, y, m, d] = match as unknown as [string, string, string?, string?];
  if (m !== undefined && m.length !== 2) return `"${text}": write the month with two digits`;
  if (d !== undefined && d.length !== 2) return `"${text}": write the day with two digits`;
  const month = m === undefined ? undefined : Number(m);
  if (month !== undefined && (month < 1 || month > 12)) return `month ${month} does not exist`;
  if (month === undefined || d === undefined) return null;
  const day = Number(d);
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const inYear =
    month === 2 &&
    last === 29 &&
    !(Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0))
      ? 28
      : last;
  if (day < 1 || day > inYear)
    return `day ${day} does not exist in ${MONTHS[month - 1]} ${y} (it has ${inYear} days)`;
  return null;
}

/** Why a story date (or `earliest/latest` range) is not one, or null when it is fine. */
export function dateProblem(text: string): string | null {
  const parts = text.split('/');
  if (parts.length > 2)
    return `"${text}" is not a date: a range is two dates joined by one "/" (earliest/latest)`;
  for (const part of parts) {
    const problem = datePartProblem(part.trim());
    if (problem) return problem;
  }
  return null;
}

/** Edit distance counting a swap of two neighbours as one edit ("AUKSU" → "AUKUS"), for "did you mean …?". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to a misspelt one, when it is close enough to be what was meant. */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const name of known) {
    const [a, b] = [wrong.toLowerCase(), name.toLowerCase()];
    // A word cut short ("alias" for "aliases") is as likely a slip as one wrong letter.
    const score = a === b ? 0 : a.length >= 4 && b.startsWith(a) ? 1 : distance(a, b);
    if (score < bestScore) [best, bestScore] = [name, score];
  }
  // Short ids ("B") are one letter from many others: only a change of case is a likely slip.
  const allowed = wrong.length < 3 ? 0 : Math.max(1, Math.floor(wrong.length / 3));
  return bestScore <= allowed ? best : undefined;
}

/** `; did you mean "AUKUS"?` or nothing. */
export function didYouMean(wrong: string, known: Iterable<string>): string {
  const guess = closest(wrong, known);
  return guess === undefined ? '' : `: did you mean "${guess}"?`;
}

/** Typographic look-alikes, folded to their plain form to find quotes that differ only in them. */
const LOOKALIKES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '–': '-',
  '—': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
};
const NAMES: Record<string, string> = {
  "'": 'straight apostrophe',
  '"': 'straight quotation mark',
  '-': 'hyphen',
  ' ': 'space',
  '‘': 'left single quotation mark',
  '’': 'curly apostrophe',
  '“': 'left double quotation mark',
  '”': 'right double quotation mark',
  '–': 'en dash',
  '—': 'em dash',
  '−': 'minus sign',
  '\u00a0': 'non-breaking space',
  '\n': 'line break',
  '\t': 'tab',
};
const fold = (c: string) => (/\s/.test(c) ? ' ' : (LOOKALIKES[c] ?? c));
const named = (c: string | undefined) =>
  c === undefined
    ? 'the end of the text'
    : NAMES[c]
      ? `${JSON.stringify(c)} (${NAMES[c]})`
      : JSON.stringify(c);

export interface QuoteDiagnosis {
  message: string;
  /** The nearest passage above the quote, the first difference marked with a caret. */
  context: string[];
}

/** Length of the common run of `quote` from `qi` and `article` from `ai`, walking forwards. */
function runForward(
  quote: string,
  qi: number,
  article: string,
  ai: number,
  same: (a: string, b: string) => boolean,
): number {
  let n = 0;
  while (qi + n < quote.length && ai + n < article.length && same(quote[qi + n]!, article[ai + n]!))
    n++;
  return n;
}

const exact = (a: string, b: string) => a === b;
const loose = (a: string, b: string) => fold(a) === fold(b);

/**
 * Where a quote that is not in the article departs from its nearest passage: the passage that
 * shares the longest run with it from the start (or, when the start itself is wrong, from the
 * end), the first differing character, and a hint when the difference is only typographic.
 */
export function diagnoseQuote(quote: string, article: string): QuoteDiagnosis {
  let best = { start: -1, length: 0, fromEnd: false };
  for (let a = 0; a < article.length; a++) {
    const forward = runForward(quote, 0, article, a, loose);
    if (forward > best.length) best = { start: a, length: forward, fromEnd: false };
  }
  // When even the first words differ, align the quote's end instead.
  if (best.length < Math.min(12, quote.length)) {
    const rq = [...quote].reverse().join('');
    const ra = [...article].reverse().join('');
    for (let a = 0; a < ra.length; a++) {
      const backward = runForward(rq, 0, ra, a, loose);
      if (backward > best.length)
        best = { start: article.length - a - quote.length, length: backward, fromEnd: true };
    }
  }
  // A few letters in common ("Wo…") is chance, not a nearest passage.
  if (best.length < Math.min(6, quote.length))
    return { message: 'not in the article, and no passage of it is close', context: [] };
  const start = best.start;
  // The typographic case: the whole quote matches once look-alikes are folded.
  const typographic = best.length === quote.length;
  let at: number;
  if (typographic || !best.fromEnd) {
    at = runForward(quote, 0, article, start, exact);
  } else {
    at = quote.length - best.length - 1;
  }
  const q = quote[at];
  const ac = start + at >= 0 ? article[start + at] : undefined;
  const hint = typographic
    ? ` (a typographic difference: the quote has ${named(q)} where the article has ${named(ac)}; copy the article's characters)`
    : ` (the quote has ${named(q)} where the article has ${named(ac)})`;
  const message = `not in the article: it differs from the nearest passage at character ${at + 1}${hint}`;
  const before = Math.min(at, 40);
  const show = (text: string, from: number) =>
    (from > 0 ? '…' : ' ') + text.slice(Math.max(0, from), from + before + 40).replace(/\s/g, ' ');
  const articleLine = show(article, start + at - before);
  const quoteLine = show(quote, at - before);
  const caret = ' '.repeat(before + 1) + '^';
  return {
    message,
    context: [`article: ${articleLine}`, `quote:   ${quoteLine}`, `         ${caret}`],
  };
}

/**
 * The validator's errors with their fuller messages: "did you mean …?", what is wrong with a
 * date, where a quote departs from the article. The app loads this module only when a story
 * has errors; `npm run story -- check` uses it too, so both say the same.
 */
export function explainErrors(errors: readonly StoryError[], article: string): StoryError[] {
  return errors.map(({ hint: given, ...error }) => {
    let hint = given;
    if (hint?.kind === 'issue') {
      const [message, more] = plainMessage(hint.issue);
      error = { ...error, message };
      hint = more;
    }
    if (hint?.kind === 'guess') {
      const guess = didYouMean(hint.wrong, hint.known);
      return guess ? { ...error, message: `${hint.prefix}${guess}` } : error;
    }
    if (hint?.kind === 'date') {
      const problem = dateProblem(hint.text);
      return problem ? { ...error, message: problem } : error;
    }
    if (hint?.kind === 'quote') {
      const { message, context } = diagnoseQuote(hint.quote, article);
      return { ...error, message, ...(context.length && { context }) };
    }
    return error;
  });
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  tuple: 'a list [ … ]',
  object: 'an object { … }',
};

/** A valibot issue in plain words, and what may be said more fully about it. */
function plainMessage(issue: v.BaseIssue<unknown>): [string, Hint?] {
  const { input, type, expected } = issue;
  const last = issue.path?.[issue.path.length - 1];
  if (input === undefined && last && typeof last.key === 'string' && issue.kind === 'schema')
    return ['missing'];
  // A date the schema refused, by its form or (when parsed) as a day that does not exist.
  if (typeof input === 'string' && /^\d{1,4}(-\d|$)/.test(input) && issue.kind !== 'schema')
    return [issue.message, { kind: 'date', text: input }];
  if (type === 'picklist' && expected) {
    const known = [...expected.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    const prefix = `${JSON.stringify(input)} is not allowed here`;
    const message = `${prefix}: use one of ${known.join(', ')}`;
    return typeof input === 'string'
      ? [message, { kind: 'guess', wrong: input, known, prefix }]
      : [message];
  }
  return [simpleMessage(issue)];
}

function simpleMessage(issue: v.BaseIssue<unknown>): string {
  const { input, type } = issue;
  // The schema's own words where it gives them ("a story needs at least one actor"); valibot's
  // defaults all begin "Invalid".
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.kind === 'schema' && TYPE_WORDS[type])
    return `must be ${TYPE_WORDS[type]}, not ${issue.received}`;
  const requirement = (issue as { requirement?: unknown }).requirement;
  const items = Array.isArray(input) ? 'item' : 'character';
  if (type === 'min_length')
    return requirement === 1 ? 'must not be empty' : `needs at least ${requirement} ${items}s`;
  if (type === 'max_length') return `is too long: at most ${requirement} ${items}s`;
  if (type === 'min_value') return `must be at least ${requirement}`;
  if (type === 'max_value') return `must be at most ${requirement}`;
  if (type === 'url') return 'must be a web address (https://…)';
  return issue.message;
}
