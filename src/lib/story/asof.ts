/**
 * The story as of one day: which relations held and with what status, who belonged to a group,
 * which actors existed. Period boundaries compare by their earliest possible day; a day that
 * falls inside an uncertain boundary (`1995/1996-09-10`) is reported as uncertain.
 */
import { mustParseDate, type Day } from './dates';
import type { Actor, Period, Relation, Status } from './schema';

export interface RelationState {
  status: Status;
  period: Period;
  /** The day is inside a boundary that sources date differently. */
  uncertain: boolean;
}

function startOf(text: string): Day {
  return mustParseDate(text).earliest;
}

function withinUncertainBoundary(period: Period, day: Day): boolean {
  return [period.from, period.to].some((text) => {
    if (!text) return false;
    const range = mustParseDate(text);
    return range.uncertain && day >= range.earliest && day <= range.latest;
  });
}

/** The relation's status on `day`, or null if it did not exist yet (or had ended without trace). */
export function relationStateAt(relation: Relation, day: Day): RelationState | null {
  for (const period of relation.periods) {
    const from = startOf(period.from);
    const to = period.to ? startOf(period.to) : Infinity;
    if (day >= from && day < to) {
      return { status: period.status, period, uncertain: withinUncertainBoundary(period, day) };
    }
  }
  return null;
}

/** When the relation first appears: the start of its first period. */
export function relationStart(relation: Relation): Day {
  return Math.min(...relation.periods.map((p) => startOf(p.from)));
}

/** Whether the actor existed on `day` (states come and go; most actors always exist). */
export function actorExistsAt(actor: Actor, day: Day): boolean {
  const from = actor.exists.from ? startOf(actor.exists.from) : -Infinity;
  const to = actor.exists.to ? startOf(actor.exists.to) : Infinity;
  return day >= from && day < to;
}

/** Ids of the group's members on `day`. */
export function membersAt(group: Actor, day: Day): string[] {
  return group.members
    .filter((m) => startOf(m.from) <= day && (!m.to || day < startOf(m.to)))
    .map((m) => m.actor);
}

/**
 * The actor that stands for `id` on `day`: a state that has ceased hands over to its successor
 * (the Soviet Union's relations are drawn from Russia after 1991).
 */
export function standInAt(actors: ReadonlyMap<string, Actor>, id: string, day: Day): string {
  let current = actors.get(id);
  const seen = new Set<string>();
  while (current && !actorExistsAt(current, day) && current.successor && !seen.has(current.id)) {
    seen.add(current.id);
    current = actors.get(current.successor);
  }
  return current?.id ?? id;
}
