/**
 * The geometry of the timeline track: its date range, year ticks, where a day falls, and rows
 * for spans so that overlapping eras (the 2000 treaty and the 24-year gap) do not collide.
 */
import { toDay, type Day } from '../story/dates';
import type { SpanExtent } from '../story/model';

import type { Domain } from './domain';
export { trackDomain, type Domain } from './domain';

const YEAR = 365.2425;

/** Position of a day along a track `width` wide (0 at the start). */
export function dayToX(domain: Domain, day: Day, width: number): number {
  return ((day - domain.start) / Math.max(1, domain.end - domain.start)) * width;
}

/** Year ticks, labelled every `labelEvery` years, fewer when the track is narrow. */
export function yearTicks(
  domain: Domain,
  width: number,
): { year: number; day: Day; label: boolean }[] {
  const startYear =
    new Date(domain.start * 86_400_000).getUTCFullYear() +
    (toDay(new Date(domain.start * 86_400_000).getUTCFullYear(), 1, 1) < domain.start ? 1 : 0);
  const endYear = new Date(domain.end * 86_400_000).getUTCFullYear();
  const years = endYear - startYear + 1;
  const pxPerYear = width / Math.max(1, (domain.end - domain.start) / YEAR);
  const labelEvery = [1, 2, 5, 10, 20, 50].find((n) => n * pxPerYear >= 44) ?? 100;
  const tickEvery = pxPerYear >= 4 ? 1 : labelEvery;
  const ticks = [];
  for (let i = 0; i < years; i++) {
    const year = startYear + i;
    if (year % tickEvery !== 0) continue;
    ticks.push({ year, day: toDay(year, 1, 1), label: year % labelEvery === 0 });
  }
  return ticks;
}

/**
 * Assigns each span the first row where it does not overlap another (placed in order of start).
 * A span shorter than `room` (days) cannot hold its name: it takes the first row that leaves
 * `room` free before it, so its name can stand there.
 */
export function spanRows(extents: readonly SpanExtent[], openEnd: Day, room = 0): number[] {
  const rowsEnd: Day[] = [];
  const rows: number[] = [];
  const order = extents
    .map((_, i) => i)
    .sort((a, b) => extents[a]!.from.day - extents[b]!.from.day);
  for (const i of order) {
    const x = extents[i]!;
    const end = x.to?.day ?? openEnd;
    const before = end - x.from.day < room ? room : 0;
    let row = rowsEnd.findIndex((e) => e < x.from.day - before);
    if (row < 0) row = rowsEnd.length;
    rowsEnd[row] = end;
    rows[i] = row;
  }
  return rows;
}

export interface BandBox {
  x0: number;
  x1: number;
  row: number;
  /** Names to try, longest first. */
  names: readonly string[];
}

export interface BandLabel {
  text: string;
  /** Where the text is anchored (its start, or its end when `anchor` is 'end'). */
  x: number;
  anchor: 'start' | 'end';
  /** Set beside its band (outside it) rather than inside. */
  outside: boolean;
}

/** Tunable: room between a label and its band's edge (px). */
const BAND_PAD = 4;

/**
 * A name shortened at a word, longest first, each with an ellipsis: "2000 friendship treaty…",
 * "2000 friendship…". Never cut inside a word ("friends…" reads as another word), nor after a
 * little word ("treaty in…").
 */
export function wordCuts(name: string): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const cuts: string[] = [];
  for (let n = words.length - 1; n >= 1; n--) {
    const last = words[n - 1]!;
    if (last.length <= 2 && !/\d/.test(last)) continue;
    cuts.push(
      `${words
        .slice(0, n)
        .join(' ')
        .replace(/[,;:·–—-]+$/, '')}…`,
    );
  }
  return cuts;
}

/**
 * Labels for the timeline's bands, so none is an empty box at any width: inside the band where a
 * name fits; else beside it in its row (after it, or before it) where nothing else is; else the
 * same with a name shortened at a word; else none (the band's title still gives its name).
 */
export function bandLabels(
  bands: readonly BandBox[],
  width: number,
  measure: (text: string) => number,
): (BandLabel | null)[] {
  const taken: { row: number; from: number; to: number }[] = bands.map((b) => ({
    row: b.row,
    from: b.x0,
    to: b.x1,
  }));
  const free = (row: number, from: number, to: number) =>
    from >= 0 &&
    to <= width &&
    !taken.some((t) => t.row === row && t.from < to + BAND_PAD && from < t.to + BAND_PAD);
  const fitsIn = (b: BandBox, names: readonly string[]) => {
    const text = names.find((n) => measure(n) + 2 * BAND_PAD <= b.x1 - b.x0);
    return text ? { text, x: b.x0 + BAND_PAD, anchor: 'start' as const, outside: false } : null;
  };
  const beside = (b: BandBox, names: readonly string[]): BandLabel | null => {
    for (const text of names) {
      const w = measure(text);
      if (free(b.row, b.x1 + BAND_PAD, b.x1 + BAND_PAD + w)) {
        taken.push({ row: b.row, from: b.x1 + BAND_PAD, to: b.x1 + BAND_PAD + w });
        return { text, x: b.x1 + BAND_PAD, anchor: 'start', outside: true };
      }
      if (free(b.row, b.x0 - BAND_PAD - w, b.x0 - BAND_PAD)) {
        taken.push({ row: b.row, from: b.x0 - BAND_PAD - w, to: b.x0 - BAND_PAD });
        return { text, x: b.x0 - BAND_PAD, anchor: 'end', outside: true };
      }
    }
    return null;
  };
  // Whole names first, inside every band, so that no band's name beside it takes the room
  // another's whole name would have had.
  const inside = bands.map((b) => fitsIn(b, b.names));
  return bands.map((b, i) => {
    const cuts = b.names.flatMap(wordCuts);
    return inside[i] ?? beside(b, b.names) ?? fitsIn(b, cuts) ?? beside(b, cuts);
  });
}

/**
 * The [start, end) of at most `size` items out of `count`, centred on `at` where it can be (at
 * the start when `at` is -1): the part of a long list that is drawn.
 */
export function windowAround(count: number, at: number, size: number): [number, number] {
  if (count <= size) return [0, count];
  const start = Math.max(0, Math.min(count - size, Math.max(0, at) - Math.floor(size / 2)));
  return [start, start + size];
}
