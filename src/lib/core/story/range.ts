/**
 * The days a story's timeline covers, and a requested day brought inside them: `?date=0000-01-01`
 * shows the story's first day with a notice rather than an empty map of year 0.
 */
import { trackDomain } from '../timeline/domain';
import { formatDay, formatDayText, type Day } from './dates';
import type { Story } from './schema';

/** The first and last day the story speaks of: its earliest and latest events and its "as of". */
export function storyDays(story: Pick<Story, 'asOf' | 'events'>): { start: Day; end: Day } {
  const days = [...story.events.map((e) => e.date.earliest), story.asOf.earliest];
  return { start: Math.min(...days), end: Math.max(...days) };
}

/**
 * The day to show for `?date=`, kept within the story's timeline, and a notice when moved. Any
 * day the timeline's slider reaches (its track runs a little before the first event and after
 * the last day) is kept as it is: the address records such days, and Back and Forward must
 * restore them exactly. Only a day beyond the track shows the story's first or last day.
 */
export function clampToStory(
  day: Day | null,
  story: Pick<Story, 'asOf' | 'events'>,
): { day: Day | null; notice?: string } {
  if (day === null) return { day };
  const { start, end } = storyDays(story);
  const track = trackDomain([start, end]);
  if (day >= track.start && day <= track.end) return { day };
  const shown = day < start ? start : end;
  const side = day < start ? 'before' : 'after';
  return {
    day: shown,
    notice: `${formatDay(day)} is ${side} this story’s timeline; showing ${formatDayText(shown)}.`,
  };
}
