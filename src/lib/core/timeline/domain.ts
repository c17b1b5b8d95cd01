/**
 * The timeline's date range, on its own: the page's start-up code needs it (the story's range of
 * dates, range.ts) before the timeline itself, which loads after the map (track.ts).
 */
import type { Day } from '../story/dates';

export interface Domain {
  start: Day;
  end: Day;
}

/** From a little before the first event to a little after the last day worth showing. */
export function trackDomain(days: readonly Day[]): Domain {
  if (days.length === 0) return { start: 0, end: 365 };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const pad = Math.max(180, (last - first) * 0.02);
  return { start: Math.floor(first - pad), end: Math.ceil(last + pad) };
}
