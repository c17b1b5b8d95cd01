/**
 * The JSON messages of the contract between the embed and its host page:
 * `{ "type": "alliance-map:select", "target": { "kind", "id" } }` (target null clears the
 * selection). Incoming data is checked field by field and never evaluated: anything that is
 * not exactly this shape, with a kind we know and an id that could be a story id, is refused.
 */
import type { Target, TargetKind } from '../core/story/model';

export const SELECT_TYPE = 'alliance-map:select';

export interface SelectMessage {
  type: typeof SELECT_TYPE;
  target: Target | null;
}

const KINDS: readonly TargetKind[] = ['actor', 'relation', 'event'];
/** Story ids are letters, digits, "-" and "_", at most 64 long (see the story schema). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The message announcing a selection (or, with null, that nothing is selected). */
export function selectMessage(target: Target | null): SelectMessage {
  return { type: SELECT_TYPE, target: target ? { kind: target.kind, id: target.id } : null };
}

/**
 * Reads an `alliance-map:select` message, posted as an object or as a JSON string; null for
 * anything else. Extra fields are ignored; a wrong type, kind or id refuses the whole message.
 */
export function parseSelectMessage(data: unknown): SelectMessage | null {
  let value = data;
  if (typeof value === 'string') {
    if (value.length > 1000 || !value.trimStart().startsWith('{')) return null;
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || value.type !== SELECT_TYPE || !('target' in value)) return null;
  const { target } = value;
  if (target === null) return selectMessage(null);
  if (!isRecord(target)) return null;
  const { kind, id } = target;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) return null;
  if (typeof id !== 'string' || !ID.test(id)) return null;
  return selectMessage({ kind: kind as TargetKind, id });
}

export { sameTarget } from '../core/story/model';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
