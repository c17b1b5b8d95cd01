/**
 * The one key model: what the map draws today and how (role colours, group hatching, relation
 * types with their colour and width, statuses with their dash, the arrow). The key beside the
 * map and the exported picture both draw from it, so they always agree with the map.
 */
import type { StoryIndex } from '../story/model';
import type { RelationTypeId, Status } from '../story/schema';
import { STATUS_STYLE, TYPE_STYLE } from '../style/relationStyle';
import { roleColor, rolesShown, type Scene } from './scene';

export interface KeyModel {
  roles: { id: string; label: string; color: string }[];
  /** Groups whose members are hatched (NATO), with their role's colour. */
  groups: { id: string; name: string; color: string }[];
  types: { type: RelationTypeId; label: string; color: string; width: number }[];
  statuses: { status: Status; label: string; dash: string; opacity: number; hollow: boolean }[];
  /** Some drawn relation is directed: explain the arrow. */
  arrow: boolean;
  /** Some actor drawn has no role on this date (drawn hollow). */
  neutral: boolean;
  /** Some relation's date is known only to the year or month, or disputed (drawn faint). */
  uncertain: boolean;
  note?: string;
}

/**
 * The key's words for what it explains besides types, statuses and roles: the same beside the
 * map and in a downloaded picture. Directed lines are wars, sanctions and rebukes as well as
 * transfers, so the arrow says who acts on whom, not who gives; no longer than the old "giver to
 * receiver", which a longer entry pushed onto a fifth line of the key at 1280 px.
 */
export const KEY_WORDS = {
  uncertain: 'Faint: date uncertain',
  uncertainDetail: 'known only to the year or month, or disputed',
  arrow: 'Arrow: who acts on whom',
  neutral: 'No role in the story on this date',
  member: (group: string) => `Hatched: member of ${group}`,
} as const;

const STATUS_ORDER = Object.keys(STATUS_STYLE) as Status[];

/** The key for the scene drawn now: only what the map shows. */
export function keyModel(index: StoryIndex, scene: Scene): KeyModel {
  const types = [...new Set(scene.relations.map((r) => r.relation.type))];
  return {
    roles: rolesShown(index, scene).map(({ id, label, color }) => ({ id, label, color })),
    groups: scene.markers
      .filter((a) => a.members.length > 0)
      .map((g) => ({ id: g.id, name: g.name, color: roleColor(index, scene, g.id) ?? '#555' })),
    types: types.map((type) => ({ type, ...TYPE_STYLE[type] })),
    statuses: STATUS_ORDER.filter((s) => scene.relations.some((r) => r.state.status === s)).map(
      (status) => ({ status, ...STATUS_STYLE[status] }),
    ),
    arrow: scene.relations.some((r) => r.relation.directed),
    neutral: scene.markers.some((a) => !scene.roles.has(a.id)),
    uncertain: scene.relations.some((r) => r.state.uncertain),
    note: index.story.mapNote,
  };
}
