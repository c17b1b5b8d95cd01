/**
 * pym.js's message format, spoken by the embed so that a host page already using pym.js's
 * `Parent` sizes the iframe unchanged: `pymxPYMx<childId>xPYMx<type>xPYMx<value>`. Only formats
 * and parses strings; what a message makes happen is up to the caller.
 */

/** The separator pym.js puts between the parts of a message. */
export const PYM_DELIMITER = 'xPYMx';

/** pym.js's own child ids come from the host page; anything else is refused, as in route.ts. */
const CHILD_ID = /^[\w-]{1,100}$/;

export interface PymMessage {
  childId: string;
  type: string;
  value: string;
}

/** A pym.js message: `pymMessage('map', 'height', '640')` → `pymxPYMxmapxPYMxheightxPYMx640`. */
export function pymMessage(childId: string, type: string, value: string): string {
  return ['pym', childId, type, value].join(PYM_DELIMITER);
}

/** The message a pym.js `Parent` reads to set the iframe's height: whole pixels, rounded up. */
export function heightMessage(childId: string, height: number): string {
  return pymMessage(childId, 'height', String(Math.max(0, Math.ceil(height))));
}

/**
 * Reads a pym.js message addressed to `childId`; null for anything else (not a string, another
 * child's message, a malformed one), so the caller can ignore it without a second look.
 */
export function parsePymMessage(data: unknown, childId: string): PymMessage | null {
  if (typeof data !== 'string' || data.length > 1000 || !CHILD_ID.test(childId)) return null;
  const parts = data.split(PYM_DELIMITER);
  if (parts.length !== 4) return null;
  const [prefix, id, type, value] = parts as [string, string, string, string];
  if (prefix !== 'pym' || id !== childId || !/^\S+$/.test(type)) return null;
  return { childId: id, type, value };
}

/** A width or height in a pym.js message: a whole number of pixels, or null when it is not one. */
export function parsePixels(value: string): number | null {
  return /^\d{1,5}$/.test(value) ? Number(value) : null;
}

/** The `childId` a pym.js `Parent` (or our own snippet) put in an iframe's address, if valid. */
export function childIdOf(src: string): string | null {
  let id: string | null;
  try {
    id = new URL(src, 'http://x.invalid/').searchParams.get('childId');
  } catch {
    return null;
  }
  return id !== null && CHILD_ID.test(id) ? id : null;
}
