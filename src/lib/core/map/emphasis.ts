/**
 * What the map draws strong at rest: the story's headline relations (its treaties and
 * partnerships, and every line between its two most connected actors); the rest are drawn
 * quiet until the reader points at or chooses something.
 */
import type { DrawnRelation } from './scene';
import type { RelationTypeId } from '../story/schema';

/** Relation types that are headline news wherever they appear. */
const HEADLINE_TYPES: ReadonlySet<RelationTypeId> = new Set([
  'mutual-defence',
  'strategic-partnership',
  'war',
]);

/** The ids of the headline relations among those drawn. */
export function headlineRelations(relations: readonly DrawnRelation[]): Set<string> {
  const degree = new Map<string, number>();
  for (const r of relations)
    for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const [first, second] = [...degree].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const pair = (r: DrawnRelation) =>
    (r.from === first && r.to === second) || (r.from === second && r.to === first);
  return new Set(
    relations
      .filter((r) => HEADLINE_TYPES.has(r.relation.type) || pair(r))
      .map((r) => r.relation.id),
  );
}
