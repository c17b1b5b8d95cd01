/**
 * Read-only questions about a validated story: look-ups by id, the passages and events that
 * belong to an actor or relation, and what a selection touches. Pure functions over plain
 * data, so they are unit-tested without a DOM.
 */
import { durationBetween, isExact, parseDate, type Duration, type StoryDate } from './dates';
import type { Actor, Note, Passage, Relation, Role, Span, Story, StoryEvent } from './schema';

export type TargetKind = 'actor' | 'relation' | 'event';
export interface Target {
  kind: TargetKind;
  id: string;
}

/** Whether two selections name the same thing (both null counts as the same). */
export function sameTarget(a: Target | null, b: Target | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}

export interface StoryIndex {
  story: Story;
  actors: Map<string, Actor>;
  relations: Map<string, Relation>;
  events: Map<string, StoryEvent>;
  passages: Map<string, Passage>;
  notes: Map<string, Note>;
  roles: Map<string, Role>;
  sources: Map<string, { id: string; label: string; url?: string }>;
  /** Events in date order. */
  chronology: StoryEvent[];
  /** Each span's ends and length, worked out once when the story loads (span id → extent). */
  extents: Map<string, SpanExtent>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Builds the look-up tables once per loaded story. */
export function indexStory(story: Story): StoryIndex {
  const chronology = [...story.events].sort((a, b) => a.date.earliest - b.date.earliest);
  const events = byId(story.events);
  const extents = new Map<string, SpanExtent>();
  for (const span of story.spans) {
    const extent = spanExtent(events, span);
    if (extent) extents.set(span.id, extent);
  }
  return {
    story,
    actors: byId(story.actors),
    relations: byId(story.relations),
    events,
    passages: byId(story.passages),
    notes: byId(story.notes),
    roles: byId(story.roles),
    sources: new Map([
      ['article', { id: 'article', label: story.article.title }],
      ...story.sources.map((s) => [s.id, s] as const),
    ]),
    chronology,
    extents,
  };
}

/** Whether the target names something in the story. */
export function exists(index: StoryIndex, target: Target): boolean {
  const table = { actor: index.actors, relation: index.relations, event: index.events }[
    target.kind
  ];
  return table.has(target.id);
}

/** The display name of an actor, falling back to the id for robustness. */
export function actorName(index: StoryIndex, id: string): string {
  return index.actors.get(id)?.name ?? id;
}

const ARROW = { directed: '→', undirected: '↔' };

/** "A, B and C": a list of names as a sentence says it. */
export function listNames(names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The relation's sides as a reader names them: "North Korea → Russia", "Russia ↔ North Korea",
 * or every side of a many-sided one ("United States, Japan and South Korea").
 */
export function sidesTitle(index: StoryIndex, relation: Relation): string {
  const names = relation.sides.map((id) => actorName(index, id));
  if (names.length > 2) return listNames(names);
  const arrow = relation.directed ? ARROW.directed : ARROW.undirected;
  return names.join(` ${arrow} `);
}

/** "North Korea → Russia: alleged arms transfers": every side and what the relation is. */
export function relationTitle(index: StoryIndex, relation: Relation): string {
  return `${sidesTitle(index, relation)}: ${relation.label}`;
}

/** The heading for any target. */
export function targetTitle(index: StoryIndex, target: Target): string {
  if (target.kind === 'actor') return actorName(index, target.id);
  if (target.kind === 'relation') {
    const relation = index.relations.get(target.id);
    return relation ? relationTitle(index, relation) : target.id;
  }
  return index.events.get(target.id)?.title ?? target.id;
}

/** Relations with the actor itself as a side (not those of a group it is a member of). */
export function relationsOf(index: StoryIndex, actorId: string): Relation[] {
  return index.story.relations.filter((r) => r.sides.includes(actorId));
}

/** The target's passages, in the order of the story's passage list (written in article order). */
export function passagesFor(index: StoryIndex, target: Target): Passage[] {
  let ids: string[] = [];
  if (target.kind === 'actor') ids = index.actors.get(target.id)?.passages ?? [];
  if (target.kind === 'relation') ids = index.relations.get(target.id)?.passages ?? [];
  if (target.kind === 'event') ids = index.events.get(target.id)?.passages ?? [];
  // One pass over the story's list, not a sort that looks each passage up in it: this runs in
  // the frame that answers a click.
  const wanted = new Set(ids);
  return index.story.passages.filter((p) => wanted.has(p.id));
}

/** Ids of the relation and, recursively, the earlier relations it names as its history. */
function relationFamily(index: StoryIndex, id: string, seen = new Set<string>()): Set<string> {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const related of index.relations.get(id)?.related ?? [])
    relationFamily(index, related, seen);
  return seen;
}

/** Events about the target, oldest first: the timeline shown in the reading panel. */
export function eventsFor(index: StoryIndex, target: Target): StoryEvent[] {
  if (target.kind === 'actor') return index.chronology.filter((e) => e.actors.includes(target.id));
  if (target.kind === 'relation') {
    const family = relationFamily(index, target.id);
    return index.chronology.filter((e) => e.relations.some((r) => family.has(r)));
  }
  const event = index.events.get(target.id);
  return event ? [event] : [];
}

/** What the selection touches: its actors and relations. Everything else is dimmed. */
export function focusSet(
  index: StoryIndex,
  target: Target | null,
): { actors: Set<string>; relations: Set<string> } | null {
  if (!target) return null;
  const actors = new Set<string>();
  const relations = new Set<string>();
  if (target.kind === 'actor') {
    actors.add(target.id);
    for (const r of relationsOf(index, target.id)) {
      relations.add(r.id);
      for (const side of r.sides) actors.add(side);
    }
    for (const m of index.actors.get(target.id)?.members ?? []) actors.add(m.actor);
  } else if (target.kind === 'relation') {
    const r = index.relations.get(target.id);
    if (r) {
      relations.add(r.id);
      for (const side of r.sides) actors.add(side);
    }
  } else {
    const e = index.events.get(target.id);
    for (const a of e?.actors ?? []) actors.add(a);
    for (const id of e?.relations ?? []) {
      const r = index.relations.get(id);
      if (!r) continue;
      relations.add(id);
      for (const side of r.sides) actors.add(side);
    }
  }
  return { actors, relations };
}

/** One end of a span: an event's date, or a date written in the span. */
function spanEnd(events: ReadonlyMap<string, StoryEvent>, end: string): SpanEnd | null {
  const event = events.get(end);
  // A span's end may name an event or give a date; a date is read here, once per story.
  const date = event ? event.date : parseDate(end);
  return date ? { day: date.earliest, latest: date.latest, date, eventId: event?.id } : null;
}

/** One end of a span: its first possible day, its last when it is not one known day. */
export interface SpanEnd {
  day: number;
  latest: number;
  date: StoryDate;
  eventId?: string;
}

export interface SpanExtent {
  span: Span;
  from: SpanEnd;
  /** Null for a span still running (the war since 2022). */
  to: SpanEnd | null;
  /** Computed from the two dates, never typed into the story (to the earliest end when uncertain). */
  length: Duration | null;
  /** The longest it may have lasted, when sources date an end differently. */
  longest: Duration | null;
  /** An end is known only to the year or month: the length is "about". */
  approximate: boolean;
}

/** Where a span starts and ends, and how long it lasted (the index holds these, worked out once). */
export function spanExtent(events: ReadonlyMap<string, StoryEvent>, span: Span): SpanExtent | null {
  const from = spanEnd(events, span.from);
  if (!from) return null;
  const to = span.to ? spanEnd(events, span.to) : null;
  const range = from.date.range || to?.date.range;
  return {
    span,
    from,
    to,
    length: to ? durationBetween(from.day, to.day) : null,
    longest: to && range ? durationBetween(from.day, to.latest) : null,
    approximate: !isExact(from.date) || (to !== null && !isExact(to.date)),
  };
}
