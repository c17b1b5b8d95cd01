/**
 * `?hide=`: the relation types switched off in the map's key, as a shared link keeps them. Apart
 * from the key's model (./key.ts), which comes with the key's own chunk: the address reads and
 * writes this from the page's first script.
 */
import type { RelationTypeId } from '../story/schema';
import { TYPE_STYLE } from '../style/relationStyle';

/** `?hide=` of the URL: relation types a shared link keeps switched off. */
export function parseHidden(value: string | null): {
  hidden: Set<RelationTypeId>;
  unknown: string[];
} {
  const hidden = new Set<RelationTypeId>();
  const unknown: string[] = [];
  for (const part of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part in TYPE_STYLE) hidden.add(part as RelationTypeId);
    else unknown.push(part);
  }
  return { hidden, unknown };
}

/** The `?hide=` value for a set of hidden types ('' for none), in a stable order. */
export function formatHidden(hidden: ReadonlySet<RelationTypeId>): string {
  return (Object.keys(TYPE_STYLE) as RelationTypeId[]).filter((t) => hidden.has(t)).join(',');
}
