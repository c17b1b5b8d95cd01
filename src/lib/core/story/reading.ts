/**
 * What the reading panel (and a presentation's captions) show of a selection besides its
 * passages: the words to mark in them, the corrections, the timeline's spans. Apart from
 * ./model.ts because only the reading code uses them, which comes in a chunk of its own after
 * the map.
 */
import type { StoryIndex, Target } from './model';
import type { Note, Span, StoryEvent } from './schema';

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Words to highlight in the target's passages: the names of everyone involved. */
export function mentionsFor(index: StoryIndex, target: Target): string[] {
  const namesOf = (id: string) => {
    const actor = index.actors.get(id);
    return actor ? [actor.name, ...actor.aliases] : [];
  };
  if (target.kind === 'actor') return namesOf(target.id);
  if (target.kind === 'relation') {
    const r = index.relations.get(target.id);
    return r ? [...r.sides.flatMap(namesOf), ...r.mentions] : [];
  }
  const e = index.events.get(target.id);
  return e ? e.actors.flatMap(namesOf) : [];
}

/** Spans whose two ends are both among the given events (or that name the relation). */
export function spansFor(index: StoryIndex, events: readonly StoryEvent[], target: Target): Span[] {
  const shown = new Set(events.map((e) => e.id));
  return index.story.spans.filter(
    (s) =>
      (target.kind === 'relation' && s.relations.includes(target.id)) ||
      (shown.has(s.from) && (s.to === undefined || shown.has(s.to))),
  );
}

/** Notes attached to the target itself (passage notes are shown beside their passages). */
export function notesFor(index: StoryIndex, target: Target): Note[] {
  let ids: string[] = [];
  if (target.kind === 'actor') ids = index.actors.get(target.id)?.notes ?? [];
  if (target.kind === 'relation') ids = index.relations.get(target.id)?.notes ?? [];
  if (target.kind === 'event') ids = index.events.get(target.id)?.notes ?? [];
  return unique(ids)
    .map((id) => index.notes.get(id))
    .filter((n): n is Note => n !== undefined);
}
