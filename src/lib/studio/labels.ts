/**
 * The schema's choices with plain words for the studio's menus. The lists come from the schema
 * itself, so a new type or status appears here (under its own name until it gets words).
 */
import { RelationStatus, RelationType } from '../story/schema';

const WORDS: Record<string, string> = {
  'mutual-defence': 'Mutual defence',
  'strategic-partnership': 'Partnership',
  'arms-transfer': 'Arms transfers',
  support: 'Support',
  sanctions: 'Sanctions',
  'drills-tension': 'Drills, tension',
  alignment: 'Alignment',
  war: 'War',
  criticism: 'Criticism',
  'in-force': 'In force',
  signed: 'Signed, not yet in force',
  planned: 'Announced, not yet begun',
  lapsed: 'Lapsed',
  alleged: 'Alleged',
  denied: 'Denied',
  reported: 'Reported',
};

const words = (id: string) => [id, WORDS[id] ?? id] as const;

export const RELATION_TYPES = RelationType.options.map(words);
export const STATUSES = RelationStatus.options.map(words);
