/**
 * Story dates: parsing days, months, years and uncertain ranges, formatting them in the
 * newsroom's style, and counting the calendar time between two days.
 */
import { describe, it, expect } from 'vitest';
import {
  datetimeAttr,
  durationBetween,
  formatDate,
  formatDayText,
  isExact,
  formatCount,
  formatDay,
  formatDuration,
  mustParseDate,
  parseDate,
  parseDay,
  roundedYears,
  type Day,
} from '../../src/lib/core/story/dates';

/** The day number of a `YYYY-MM-DD` written independently of the module under test. */
function utcDay(text: string): Day {
  return Date.parse(`${text}T00:00:00Z`) / 86_400_000;
}

/** Day number of a valid `YYYY-MM-DD`, failing the test loudly when it does not parse. */
function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === null) throw new Error(`test setup: ${text} did not parse`);
  return parsed;
}

describe('parseDate', () => {
  it.each([
    { text: '1961-07-06', earliest: '1961-07-06', latest: '1961-07-06', precision: 'day' },
    { text: '2024-02-29', earliest: '2024-02-29', latest: '2024-02-29', precision: 'day' },
    { text: '1970-01-01', earliest: '1970-01-01', latest: '1970-01-01', precision: 'day' },
    { text: '1991-12', earliest: '1991-12-01', latest: '1991-12-31', precision: 'month' },
    { text: '2024-02', earliest: '2024-02-01', latest: '2024-02-29', precision: 'month' },
    { text: '2023-02', earliest: '2023-02-01', latest: '2023-02-28', precision: 'month' },
    { text: '2023-04', earliest: '2023-04-01', latest: '2023-04-30', precision: 'month' },
    { text: '1949', earliest: '1949-01-01', latest: '1949-12-31', precision: 'year' },
    { text: '2022', earliest: '2022-01-01', latest: '2022-12-31', precision: 'year' },
  ] as const)(
    'reads "$text" as $precision precision from $earliest to $latest',
    ({ text, earliest, latest, precision }) => {
      const parsed = parseDate(text);
      expect(parsed).toMatchObject({
        text,
        earliest: utcDay(earliest),
        latest: utcDay(latest),
        precision,
        range: false,
      });
      expect(isExact(parsed!)).toBe(precision === 'day');
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(text));
    },
  );

  it.each([
    { text: '1995/1996-09-10', earliest: '1995-01-01', latest: '1996-09-10', precision: 'year' },
    { text: '2000-07/2000-08', earliest: '2000-07-01', latest: '2000-08-31', precision: 'month' },
    {
      text: '2024-06-19/2024-06-20',
      earliest: '2024-06-19',
      latest: '2024-06-20',
      precision: 'day',
    },
    { text: '1995/1995', earliest: '1995-01-01', latest: '1995-12-31', precision: 'year' },
  ] as const)(
    'reads the uncertain range "$text" as running from $earliest to $latest and flags it a range',
    ({ text, earliest, latest, precision }) => {
      expect(parseDate(text)).toMatchObject({
        text,
        earliest: utcDay(earliest),
        latest: utcDay(latest),
        precision,
        range: true,
      });
    },
  );

  it.each([
    { text: '2023-02-30', why: 'February 2023 has 28 days' },
    { text: '2023-02-29', why: '2023 is not a leap year' },
    { text: '1900-02-29', why: '1900 is not a leap year' },
    { text: '2024-04-31', why: 'April has 30 days' },
    { text: '2024-13-01', why: 'there is no 13th month' },
    { text: '2024-00-10', why: 'there is no month 0' },
    { text: '2024-01-00', why: 'there is no day 0' },
    { text: '2024-1-5', why: 'months and days need two digits' },
    { text: '24-01-05', why: 'years need four digits' },
    { text: '', why: 'it is empty' },
    { text: ' 2024', why: 'it has a leading space' },
    { text: '2024-06-19T10:00', why: 'it has a time' },
    { text: 'June 2024', why: 'it is words' },
    { text: '1996/1995', why: 'the range ends before it starts' },
    { text: '1996-09-10/1996-09-09', why: 'the range ends a day before it starts' },
    { text: '1995/1996/1997', why: 'a range has only two ends' },
    { text: '1995/', why: 'the range has no end' },
    { text: '/1995', why: 'the range has no start' },
    { text: '1995/2023-02-30', why: 'the range ends on an impossible day' },
  ])('refuses "$text" because $why', ({ text }) => {
    expect(parseDate(text)).toBeNull();
  });

  it('orders earliest before latest for every precision', () => {
    for (const text of ['2024', '2024-02', '2024-02-29', '1995/1996-09-10']) {
      const parsed = mustParseDate(text);
      expect(parsed.earliest).toBeLessThanOrEqual(parsed.latest);
    }
  });

  it('throws a readable error from mustParseDate for an impossible date', () => {
    expect(() => mustParseDate('2023-02-30')).toThrow(/2023-02-30/);
  });
});

describe('parseDay and formatDay', () => {
  it.each([
    { text: '1970-01-01', expected: 0 },
    { text: '1970-01-02', expected: 1 },
    { text: '1969-12-31', expected: -1 },
    { text: '2000-01-01', expected: 10_957 },
    { text: '2024-06-19', expected: utcDay('2024-06-19') },
  ])('reads $text as day number $expected', ({ text, expected }) => {
    expect(parseDay(text)).toBe(expected);
  });

  it.each([
    '2024',
    '2024-06',
    '2024-02-30',
    '2024-13-01',
    '2024-6-19',
    '19-06-2024',
    '',
    'today',
    '1995/1996-09-10',
  ])('refuses "%s", which is not a real YYYY-MM-DD day', (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it.each([
    '1922-12-30',
    '1961-07-06',
    '1969-12-31',
    '1970-01-01',
    '1991-12-26',
    '2000-02-29',
    '2024-02-29',
    '2024-12-04',
    '2099-12-31',
  ])('formats the day of %s back to the same text', (text) => {
    expect(formatDay(day(text))).toBe(text);
  });

  it.each([-1, 0, 1, 10_957, 19_893, -17_000])(
    'parses the formatted day number %i back to itself',
    (n) => {
      expect(parseDay(formatDay(n))).toBe(n);
    },
  );

  it('keeps years before 100 in their own century, so "0050-06-15" survives a round trip', () => {
    expect(formatDay(day('0050-06-15'))).toBe('0050-06-15');
  });
});

describe('formatDate', () => {
  it.each([
    { text: '1961-07-06', until: undefined, expected: '6 July 1961' },
    { text: '2024-12-04', until: undefined, expected: '4 December 2024' },
    { text: '1991-12', until: undefined, expected: 'December 1991' },
    { text: '2023-09', until: undefined, expected: 'September 2023' },
    { text: '1949', until: undefined, expected: '1949' },
    { text: '1995/1996-09-10', until: undefined, expected: '1995 – 10 September 1996' },
    { text: '2000-07/2000-08', until: undefined, expected: 'July–August 2000' },
    { text: '1958', until: undefined, expected: '1958' },
    { text: '2023-03', until: undefined, expected: 'March 2023' },
    { text: '1995/1996', until: undefined, expected: '1995–96' },
    { text: '1999/2001', until: undefined, expected: '1999–2001' },
    { text: '2023-11/2024-02', until: undefined, expected: 'November 2023 – February 2024' },
    { text: '2022-02-24/2022-12', until: undefined, expected: '24 February 2022 – December 2022' },
    { text: '2000-07-19', until: '2000-07-20', expected: '19–20 July 2000' },
    { text: '2024-06-27', until: '2024-06-29', expected: '27–29 June 2024' },
    { text: '2000-07-31', until: '2000-08-01', expected: '31 July – 1 August 2000' },
    { text: '1999-12-31', until: '2000-01-01', expected: '31 December 1999 – 1 January 2000' },
    { text: '2000-07', until: '2000-08', expected: 'July–August 2000' },
  ])('writes $text (until $until) as "$expected"', ({ text, until, expected }) => {
    expect(formatDate(mustParseDate(text), until ? mustParseDate(until) : undefined)).toBe(
      expected,
    );
  });

  it.each(['1958', '1995', '2022', '1991-12', '2023-03', '1995/1996', '1995/1996-09-10'])(
    'never writes the partial date "%s" as a first day of a month',
    (text) => {
      expect(formatDate(mustParseDate(text))).not.toMatch(/\b1 (January|[A-Z][a-z]+ \d{4})/);
    },
  );

  it("writes the map's day in full", () => {
    expect(formatDayText(day('1970-01-01'))).toBe('1 January 1970');
  });
});

describe('datetimeAttr', () => {
  it.each([
    { text: '1961-07-06', expected: '1961-07-06' },
    { text: '1991-12', expected: '1991-12' },
    { text: '2022', expected: '2022' },
    { text: '1995/1996-09-10', expected: '1995' },
    { text: '2000-07-19/2000-07-20', expected: '2000-07-19' },
  ])('gives "$expected" as the machine-readable value of "$text"', ({ text, expected }) => {
    expect(datetimeAttr(mustParseDate(text))).toBe(expected);
  });
});

describe('durationBetween and formatDuration', () => {
  it.each([
    {
      from: '2000-07-19',
      to: '2024-06-19',
      years: 23,
      months: 11,
      days: 0,
      text: '23 years and 11 months',
    },
    {
      from: '2000-07-20',
      to: '2024-06-19',
      years: 23,
      months: 10,
      days: 30,
      text: '23 years, 10 months and 30 days',
    },
    {
      from: '1961-07-06',
      to: '1991-12-26',
      years: 30,
      months: 5,
      days: 20,
      text: '30 years, 5 months and 20 days',
    },
    { from: '2024-06-19', to: '2024-06-19', years: 0, months: 0, days: 0, text: '0 days' },
    { from: '2024-06-19', to: '2024-06-20', years: 0, months: 0, days: 1, text: '1 day' },
    { from: '2024-06-19', to: '2024-07-19', years: 0, months: 1, days: 0, text: '1 month' },
    { from: '2023-06-19', to: '2024-06-19', years: 1, months: 0, days: 0, text: '1 year' },
    {
      from: '2023-06-19',
      to: '2024-07-20',
      years: 1,
      months: 1,
      days: 1,
      text: '1 year, 1 month and 1 day',
    },
    {
      from: '2022-05-18',
      to: '2024-03-07',
      years: 1,
      months: 9,
      days: 18,
      text: '1 year, 9 months and 18 days',
    },
    // Leap years: February 2024 has 29 days, February 2023 has 28.
    { from: '2024-02-28', to: '2024-03-01', years: 0, months: 0, days: 2, text: '2 days' },
    { from: '2023-02-28', to: '2023-03-01', years: 0, months: 0, days: 1, text: '1 day' },
    {
      from: '2023-02-28',
      to: '2024-02-29',
      years: 1,
      months: 0,
      days: 1,
      text: '1 year and 1 day',
    },
    {
      from: '2024-02-29',
      to: '2025-02-28',
      years: 0,
      months: 11,
      days: 30,
      text: '11 months and 30 days',
    },
    {
      from: '2024-01-15',
      to: '2024-03-14',
      years: 0,
      months: 1,
      days: 28,
      text: '1 month and 28 days',
    },
    {
      from: '2023-01-15',
      to: '2023-03-14',
      years: 0,
      months: 1,
      days: 27,
      text: '1 month and 27 days',
    },
    { from: '1969-12-31', to: '1970-01-01', years: 0, months: 0, days: 1, text: '1 day' },
  ])('counts $from → $to as "$text"', ({ from, to, years, months, days, text }) => {
    const duration = durationBetween(day(from), day(to));
    expect(duration).toEqual({ years, months, days, totalDays: day(to) - day(from) });
    expect(formatDuration(duration)).toBe(text);
  });

  it('never counts a negative number of days when the start day does not exist in the month before the end (31 January → 1 March 2024 is 1 month and 1 day)', () => {
    const duration = durationBetween(day('2024-01-31'), day('2024-03-01'));
    expect(duration.days).toBeGreaterThanOrEqual(0);
    expect(duration).toEqual({ years: 0, months: 1, days: 1, totalDays: 30 });
    expect(formatDuration(duration)).toBe('1 month and 1 day');
  });

  it.each([
    { from: '2023-01-31', to: '2023-03-02' },
    { from: '2024-03-31', to: '2024-05-01' },
    { from: '2023-12-31', to: '2024-03-01' },
    { from: '2000-01-30', to: '2000-03-01' },
  ])('keeps every unit of $from → $to between zero and its calendar maximum', ({ from, to }) => {
    const duration = durationBetween(day(from), day(to));
    expect(duration.years).toBeGreaterThanOrEqual(0);
    expect(duration.months).toBeGreaterThanOrEqual(0);
    expect(duration.months).toBeLessThan(12);
    expect(duration.days).toBeGreaterThanOrEqual(0);
    expect(duration.days).toBeLessThan(31);
  });

  it('counts 366 days in the leap year 2024 and 365 in 2023', () => {
    expect(durationBetween(day('2024-01-01'), day('2025-01-01')).totalDays).toBe(366);
    expect(durationBetween(day('2023-01-01'), day('2024-01-01')).totalDays).toBe(365);
  });

  it.each([
    { years: 2, months: 0, days: 0, expected: '2 years' },
    { years: 0, months: 3, days: 0, expected: '3 months' },
    { years: 0, months: 0, days: 5, expected: '5 days' },
    { years: 1, months: 0, days: 3, expected: '1 year and 3 days' },
    { years: 0, months: 1, days: 1, expected: '1 month and 1 day' },
    { years: 5, months: 2, days: 0, expected: '5 years and 2 months' },
    { years: 1, months: 1, days: 1, expected: '1 year, 1 month and 1 day' },
    { years: 0, months: 0, days: 0, expected: '0 days' },
  ])('writes $years y $months m $days d as "$expected"', ({ years, months, days, expected }) => {
    expect(formatDuration({ years, months, days, totalDays: 0 })).toBe(expected);
  });

  it.each([
    { years: 63, months: 8, days: 14, expected: 'about 63 years and 8 months' },
    { years: 2, months: 0, days: 3, expected: 'about 2 years' },
    { years: 0, months: 0, days: 12, expected: 'less than a month' },
  ])(
    'says "$expected" for $years y $months m $days d when an end is partial (days unknown)',
    ({ years, months, days, expected }) => {
      expect(formatDuration({ years, months, days, totalDays: 0 }, { about: true })).toBe(expected);
    },
  );
});

describe('roundedYears', () => {
  it('rounds the 2000 → 2024 gap between Putin’s visits to 24 years', () => {
    expect(roundedYears(durationBetween(day('2000-07-19'), day('2024-06-19')))).toBe(24);
  });

  it.each([
    { from: '2000-01-01', to: '2000-01-01', expected: 0 },
    { from: '2000-01-01', to: '2000-06-01', expected: 0 },
    { from: '2000-01-01', to: '2000-08-01', expected: 1 },
    { from: '1961-07-06', to: '1991-12-26', expected: 30 },
    { from: '1924-01-01', to: '2024-01-01', expected: 100 },
  ])('rounds $from → $to to $expected whole years', ({ from, to, expected }) => {
    expect(roundedYears(durationBetween(day(from), day(to)))).toBe(expected);
  });

  it('measures years of 365.2425 days on average, so 8736 days are about 23.92 years', () => {
    const duration = durationBetween(day('2000-07-19'), day('2024-06-19'));
    expect(duration.totalDays).toBe(8736);
    expect(duration.totalDays / 365.2425).toBeCloseTo(23.918, 3);
  });
});

describe('formatCount', () => {
  it.each<[number, string]>([
    [0, '0'],
    [999, '999'],
    [8749, '8,749'],
    [12345678, '12,345,678'],
    [8749.6, '8,750'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});
