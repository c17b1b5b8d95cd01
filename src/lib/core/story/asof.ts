/**
 * The story as of one day: which relations held and with what status, who belonged to a group,
 * which role each actor had, which actors existed. Period boundaries compare by their earliest
 * possible day; a day that falls inside a boundary that is not one known day (a year, a month,
 * or a range where sources disagree) is reported as uncertain rather than snapped to the 1st.
 */
import { isExact, type Day, type StoryDate } from './dates';
import type { Actor, Period, Relation, Role, Status } from './schema';

export interface RelationState {
  status: Status;
  period: Period;
  /** The day is inside a boundary known only to the year or month, or dated differently by sources. */
  uncertain: boolean;
}

/** A stretch of time: from (inclusive) to (exclusive); an absent end is open. */
interface Stretch {
  from?: StoryDate;
  to?: StoryDate;
}

function covers({ from, to }: Stretch, day: Day): boolean {
  return (!from || day >= from.earliest) && (!to || day < to.earliest);
}

function withinPartialBoundary({ from, to }: Stretch, day: Day): boolean {
  return [from, to].some(
    (date) => date !== undefined && !isExact(date) && day >= date.earliest && day <= date.latest,
  );
}

/** The relation's status on `day`, or null if it did not exist yet (or had ended without trace). */
export function relationStateAt(relation: Relation, day: Day): RelationState | null {
  const period = relation.periods.find((p) => covers(p, day));
  if (!period) return null;
  return { status: period.status, period, uncertain: withinPartialBoundary(period, day) };
}

/** When the relation first appears: the start of its first period. */
export function relationStart(relation: Relation): Day {
  return Math.min(...relation.periods.map((p) => p.from.earliest));
}

/** Whether the actor existed on `day` (states come and go; most actors always exist). */
export function actorExistsAt(actor: Actor, day: Day): boolean {
  return covers(actor.exists, day);
}

/** Ids of the group's members on `day`. */
export function membersAt(group: Actor, day: Day): string[] {
  return group.members.filter((m) => covers(m, day)).map((m) => m.actor);
}

/**
 * The actor's role on `day`: its one timeless `role`, or the role of the period that covers the
 * day; null when it had none then (drawn neutral, named without a role).
 */
export function roleAt(actor: Actor, day: Day): string | null {
  if (actor.roles.length === 0) return actor.role ?? null;
  return actor.roles.find((r) => covers(r, day))?.role ?? null;
}

/**
 * The actor's role on `day`, its own (`roleAt`) or else the role of a group it belongs to that
 * day (`groups` holds its groups then; `roles` the story's roles, in order).
 */
export function roleWithGroupsAt(
  actor: Actor,
  day: Day,
  groups: readonly string[],
  roles: readonly Role[],
): string | null {
  const own = roleAt(actor, day);
  if (own !== null || groups.length === 0) return own;
  return roles.find((r) => r.groups.some((g) => groups.includes(g)))?.id ?? null;
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
