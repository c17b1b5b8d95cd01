/**
 * The schema's choices in the words the map's key uses, for the studio's menus. The lists come
 * from the schema itself, so a new type or status appears here (under its id until the key has
 * words for it).
 */
import { RelationStatus, RelationType } from '../core/story/schema';
import { STATUS_STYLE, TYPE_STYLE } from '../core/style/relationStyle';

const words = (styles: Record<string, { label: string } | undefined>) => (id: string) =>
  [id, styles[id]?.label ?? id] as const;

export const RELATION_TYPES = RelationType.options.map(words(TYPE_STYLE));
export const STATUSES = RelationStatus.options.map(words(STATUS_STYLE));
