/**
 * Which lines carry a label on a slide: one label per kind of line (type and status; the key
 * names the rest), beside its own line, inside the map, clear of the markers, of the actors'
 * labels and of the line labels already placed, and over no drawn line (faded ones included: a
 * name over a faded line still reads as sitting on it). The middle of the line is tried first,
 * then further along it either way, on either side; a line with no clear spot goes unlabelled
 * (the slide's key names it).
 */
import type { Box } from '../core/map/layout';
import type { Point } from '../core/map/geo';
import { overlaps } from '../core/map/labels';
import { indexLines } from '../core/map/lineObstacles';
import { textWidth } from './measure';

/**
 * A slide's line labels: which relations' lines are named, and the placement that names them.
 * The slide's own code brings `pick` (this module), so the page's first script does without it.
 */
export interface LineLabelling {
  ids: ReadonlySet<string>;
  pick: typeof pickLineLabels;
}

export interface LineLabelCandidate {
  id: string;
  /** Lines of one kind share a key; only the first of each is labelled. */
  kind: string;
  text: string;
  /** The line as drawn (a polyline on screen). */
  points: readonly Point[];
}

export interface LineLabelRoom {
  /** The map's box: labels stay inside it. */
  bounds: Box;
  /** Markers' centres: a marker and the start of its name keep a square of two letters. */
  markers?: readonly Point[];
  /** Boxes already taken: the actors' labels, the date, the zoom buttons. */
  taken?: readonly Box[];
  /** Every line drawn (faded ones too), its own included: no label sits on one. */
  lines?: readonly (readonly Point[])[];
  /** The lines drawn strong (not faded): none may run between a label set far out and its line. */
  strong?: readonly (readonly Point[])[];
  /** The text's width at the size; measured on the page by default. */
  measure?: (text: string) => number;
}

/** Where along the line (share of its length) a label is tried, best first. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88];
/** Room between the line and its label's near edge (px), tried nearest first. Up to NEAR, no
 * other line may pass nearer the text than its own; beyond (past a bundle of lines that run
 * together), none may pass through it, and the label's colour says which line it names. */
const OFFSETS = [3, 9, 18, 28, 40];
const NEAR = 9;

/** The labels to draw, each candidate with where its text goes (`at`: middle of its baseline). */
export function pickLineLabels<T extends LineLabelCandidate>(
  candidates: readonly T[],
  fontSize: number,
  room: LineLabelRoom,
): (T & { at: Point; box: Box })[] {
  const { bounds } = room;
  const measure = room.measure ?? ((text: string) => textWidth(text, fontSize, 700));
  const lines = indexLines(room.lines ?? []);
  const strong = indexLines(room.strong ?? room.lines ?? []);
  const taken: Box[] = [
    ...(room.markers ?? []).map(([x, y]) => ({
      x: x - fontSize,
      y: y - fontSize,
      width: fontSize * 2,
      height: fontSize * 2,
    })),
    ...(room.taken ?? []),
  ];
  const height = fontSize * 1.2;
  /** The first clear box beside the line: along it from the middle, nearest first, either side. */
  const clearSpot = (points: readonly Point[], width: number): Box | null => {
    for (const { p, normal } of spotsAlong(points))
      for (const offset of OFFSETS)
        for (const side of [1, -1]) {
          // From the line to the box's centre: the gap, and half the box's depth across the line.
          const reach = offset + (Math.abs(normal[0]) * width + Math.abs(normal[1]) * height) / 2;
          const box = {
            x: p[0] + normal[0] * reach * side - width / 2,
            y: p[1] + normal[1] * reach * side - height / 2,
            width,
            height,
          };
          if (!fits(box, bounds) || taken.some((t) => overlaps(t, box))) continue;
          // No other line comes nearer the text than its own: it would read as that line's.
          if (lines.crossings(grow(box, offset <= NEAR ? offset - 2 : 1)) > 0) continue;
          // Set out past a bundle of faded lines, no strong line may run between it and its own.
          const from: Point = [p[0] + normal[0] * side, p[1] + normal[1] * side];
          const to: Point = [box.x + width / 2, box.y + height / 2];
          if (offset <= NEAR || strong.cuts(from, to) === 0) return box;
        }
    return null;
  };
  const kinds = new Set<string>();
  const picked: (T & { at: Point; box: Box })[] = [];
  for (const c of candidates) {
    if (kinds.has(c.kind) || c.points.length < 2) continue;
    const box = clearSpot(c.points, measure(c.text));
    if (!box) continue;
    kinds.add(c.kind);
    taken.push(box);
    picked.push({ ...c, at: [box.x + box.width / 2, box.y + height / 2 + fontSize * 0.35], box });
  }
  return picked;
}

/** Points along a polyline at the shares in ALONG, each with its unit normal. */
function spotsAlong(points: readonly Point[]): { p: Point; normal: Point }[] {
  const lengths = [0];
  for (let i = 1; i < points.length; i++)
    lengths.push(
      lengths[i - 1]! +
        Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]),
    );
  const total = lengths[lengths.length - 1]!;
  if (total === 0) return [];
  return ALONG.map((share) => {
    const at = share * total;
    let i = 1;
    while (i < points.length - 1 && lengths[i]! < at) i++;
    const a = points[i - 1]!;
    const b = points[i]!;
    const span = lengths[i]! - lengths[i - 1]! || 1;
    const t = (at - lengths[i - 1]!) / span;
    const dx = (b[0] - a[0]) / span;
    const dy = (b[1] - a[1]) / span;
    return { p: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], normal: [-dy, dx] };
  });
}

function fits(b: Box, bounds: Box): boolean {
  return (
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height
  );
}

function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}
