/**
 * What the map draws on a given day, as plain data: which actor owns each country shape, the
 * role each actor has that day, who belongs to which group, which actors get a marker, and which
 * relations are drawn with what status. Pure, so "the map as of 1970" is unit-tested without a browser.
 */
import {
  actorExistsAt,
  membersAt,
  relationStateAt,
  roleWithGroupsAt,
  standInAt,
  type RelationState,
} from '../story/asof';
import type { Day } from '../story/dates';
import type { StoryIndex } from '../story/model';
import type { Actor, Relation, Role } from '../story/schema';

export interface DrawnRelation {
  relation: Relation;
  state: RelationState;
  /**
   * The actors whose anchors it joins on this day, in the relation's order (a ceased state hands
   * over to its successor). Two: an arc from the first to the second; more: a hub.
   */
  sides: string[];
  /** The first two sides (an arc's ends). */
  from: string;
  to: string;
  /** Sideways slot among relations that join the same two actors: 0, then ±1, ±2... */
  slot: number;
}

export interface Scene {
  /** Feature id (ISO numeric) → the actor drawn there. */
  owners: Map<string, string>;
  /** Actor id → the groups it belongs to on this day. */
  groups: Map<string, string[]>;
  /** Actor id → its role on this day (absent: no role then, drawn neutral). */
  roles: Map<string, string>;
  /** Actors with a marker on the map (named in the story), in a stable order. */
  markers: Actor[];
  /** Actors drawn only as a country shape (members of a group that the article never names). */
  shapeOnly: Actor[];
  relations: DrawnRelation[];
}

/** The actors that are a side of some relation, found once per story (not once per actor). */
const sidesOf = new WeakMap<StoryIndex, Set<string>>();
function relationSides(index: StoryIndex): Set<string> {
  let sides = sidesOf.get(index);
  if (!sides) {
    sides = new Set(index.story.relations.flatMap((r) => r.sides));
    sidesOf.set(index, sides);
  }
  return sides;
}

/** Whether the story says anything of the actor itself (as opposed to listing it as a member). */
function isNamed(index: StoryIndex, actor: Actor): boolean {
  return (
    actor.passages.length > 0 || actor.kind !== 'country' || relationSides(index).has(actor.id)
  );
}

/** Historical states are drawn over their successors while they exist. */
const PRIORITY: Record<Actor['kind'], number> = {
  historical: 0,
  country: 1,
  organization: 2,
  group: 3,
};

/** Builds the scene for one day. */
export function sceneAt(index: StoryIndex, day: Day): Scene {
  const living = index.story.actors.filter((a) => actorExistsAt(a, day));
  const owners = new Map<string, string>();
  for (const actor of [...living].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind])) {
    for (const id of actor.features) if (!owners.has(id)) owners.set(id, actor.id);
  }

  const groups = new Map<string, string[]>();
  for (const group of living.filter((a) => a.members.length > 0)) {
    for (const member of membersAt(group, day))
      groups.set(member, [...(groups.get(member) ?? []), group.id]);
  }

  // Countries covered by a living historical state are drawn as part of it, not on their own.
  const covered = (a: Actor) =>
    a.kind === 'country' &&
    a.features.length > 0 &&
    a.features.every((f) => owners.get(f) !== a.id);
  const visible = living.filter((a) => !covered(a));
  const markers = visible.filter((a) => isNamed(index, a));
  const shapeOnly = visible.filter((a) => !isNamed(index, a) && a.features.length > 0);

  const roles = new Map<string, string>();
  for (const actor of living) {
    const role = roleWithGroupsAt(actor, day, groups.get(actor.id) ?? [], index.story.roles);
    if (role !== null) roles.set(actor.id, role);
  }

  const drawn: DrawnRelation[] = [];
  const pairCount = new Map<string, number>();
  for (const relation of index.story.relations) {
    const state = relationStateAt(relation, day);
    if (!state) continue;
    const sides = [...new Set(relation.sides.map((id) => standInAt(index.actors, id, day)))];
    const [from, to] = sides;
    if (sides.length < 2 || from === undefined || to === undefined) continue;
    let slot = 0;
    if (sides.length === 2) {
      const pair = [from, to].sort().join('|');
      slot = pairCount.get(pair) ?? 0;
      pairCount.set(pair, slot + 1);
    }
    drawn.push({ relation, state, sides, from, to, slot });
  }
  return { owners, groups, roles, markers, shapeOnly, relations: drawn };
}

/** How many relations share each pair of ends, so arcs fan out evenly around the straight line. */
export function pairSizes(relations: readonly DrawnRelation[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of relations) {
    if (r.sides.length !== 2) continue;
    const pair = [r.from, r.to].sort().join('|');
    sizes.set(pair, (sizes.get(pair) ?? 0) + 1);
  }
  return sizes;
}

/** The roles held on the scene's date by the actors it draws, in the story's order: the key's list. */
export function rolesShown(index: StoryIndex, scene: Scene): Role[] {
  const held = new Set(
    [...scene.markers, ...scene.shapeOnly].map((a) => scene.roles.get(a.id)).filter(Boolean),
  );
  return index.story.roles.filter((role) => held.has(role.id));
}

/** The colour of the actor's role on the scene's date, if it has one. */
export function roleColor(index: StoryIndex, scene: Scene, actorId: string): string | undefined {
  return index.roles.get(scene.roles.get(actorId) ?? '')?.color;
}
