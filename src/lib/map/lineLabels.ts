/**
 * Which lines carry a label on a slide: one label per kind of line (type and status; the key
 * names the rest), at the middle of the line, inside the map, clear of the markers and of the
 * labels already placed.
 */
import type { Box } from '../core/map/layout';
import type { Point } from '../core/map/geo';
import { overlaps } from '../core/map/labels';
import { textWidth } from './measure';

export interface LineLabelCandidate {
  id: string;
  /** Lines of one kind share a key; only the first of each is labelled. */
  kind: string;
  text: string;
  mid: Point;
}

/** The labels to draw, each candidate with where its text goes (`at`: middle of its baseline). */
export function pickLineLabels<T extends LineLabelCandidate>(
  candidates: readonly T[],
  fontSize: number,
  bounds: Box,
  markers: readonly Point[] = [],
): (T & { at: Point })[] {
  const kinds = new Set<string>();
  // A marker and the start of its name keep a square of about two letters around them.
  const taken: Box[] = markers.map(([x, y]) => ({
    x: x - fontSize,
    y: y - fontSize,
    width: fontSize * 2,
    height: fontSize * 2,
  }));
  const picked: (T & { at: Point })[] = [];
  for (const c of candidates) {
    if (kinds.has(c.kind)) continue;
    const width = textWidth(c.text, fontSize, 700);
    const at: Point = [c.mid[0], c.mid[1] - fontSize * 0.6];
    const box = { x: at[0] - width / 2, y: at[1] - fontSize, width, height: fontSize * 1.2 };
    const inside =
      box.x >= bounds.x &&
      box.y >= bounds.y &&
      box.x + box.width <= bounds.x + bounds.width &&
      box.y + box.height <= bounds.y + bounds.height;
    if (!inside || taken.some((t) => overlaps(t, box))) continue;
    kinds.add(c.kind);
    taken.push(box);
    picked.push({ ...c, at });
  }
  return picked;
}
