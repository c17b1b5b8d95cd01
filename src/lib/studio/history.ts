/**
 * Undo and redo over immutable snapshots. Typing into one field makes one entry, not one per
 * key: an edit with the same key as the last one, soon after it, replaces that entry's result.
 */

/** How long after an edit the next one to the same field still joins it, in ms. */
export const JOIN_MS = 1000;
/** The oldest entries are dropped past this many. */
export const LIMIT = 200;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** What the last edit changed and when, to join a run of keystrokes. */
  last: { key: string; at: number } | null;
}

export function start<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

/** The history after an edit. `key` names the field; null never joins. */
export function record<T>(h: History<T>, next: T, key: string | null, at: number): History<T> {
  if (next === h.present) return h;
  const joins = key !== null && h.last?.key === key && at - h.last.at < JOIN_MS;
  const past = joins ? h.past : [...h.past, h.present].slice(-LIMIT);
  return { past, present: next, future: [], last: key === null ? null : { key, at } };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return {
    past: h.past.slice(0, -1),
    present: previous,
    future: [h.present, ...h.future],
    last: null,
  };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...future] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future, last: null };
}
