/**
 * What a presentation step shows, from the story: its day, and every actor it involves (its
 * own and every side of each of its relations) — what the map frames and the slide's key lists.
 */
import type { Day } from '../core/story/dates';
import type { StoryIndex } from '../core/story/model';
import { mentionsFor } from '../core/story/reading';
import type { Step } from '../core/story/schema';

/** The step's actors, then the sides of its relations, each once. */
export function stepActors(index: StoryIndex, step: Step): string[] {
  const actors = new Set(step.actors);
  for (const id of step.relations) {
    const relation = index.relations.get(id);
    if (relation) for (const side of relation.sides) actors.add(side);
  }
  return [...actors];
}

/** The day a step shows: its own date, else its event's, else null (the map keeps its day). */
export function stepDay(index: StoryIndex, step: Step): Day | null {
  const date = step.date ?? (step.event ? index.events.get(step.event)?.date : undefined);
  return date ? date.earliest : null;
}

/** The words a step's passages highlight: the names of every actor it involves. */
export function stepMentions(index: StoryIndex, step: Step) {
  return stepActors(index, step).flatMap((id) => mentionsFor(index, { kind: 'actor', id }));
}
