/**
 * The one label-placement module (screen, presentation and the exported picture all draw what it
 * places). Labels are placed most important first: each takes the first free spot next to its
 * marker, with its short name where the full one does not fit, and, where markers crowd, a spot
 * further out joined to the marker by a leader line. A label never covers another label, a
 * marker or a reserved box (the date, the zoom buttons), and stays inside the map; nor, where
 * any spot near the marker allows it, a drawn relation line (a label over a line hides where the
 * line goes). Where every spot is crossed, it takes the adjacent one that fewest lines cross.
 */
import type { Box } from './layout';
import type { Point } from './geo';
import { indexLines } from './lineObstacles';

export interface LabelRequest {
  id: string;
  /** The marker's centre on screen. */
  at: Point;
  /** Names to try, longest first ("North Korea", "N. Korea"). */
  names: readonly string[];
  /** Higher is placed first (the story's main actors, the selection). */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** The label's box on screen. */
  box: Box;
  /** Where the text starts (x) and its baseline (y), relative to the marker. */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
  /** The leader line's far end (relative to the marker) when the label sits away from it. */
  leader: Point | null;
}

export interface LabelOptions {
  fontSize: number;
  /** The marker's radius: labels keep clear of every marker's disc. */
  radius: number;
  bounds: Box;
  /** Boxes no label may cover (the date, the zoom buttons). */
  reserved?: readonly Box[];
  /** The width in px of a text at `fontSize`. */
  measure: (text: string) => number;
  /** The relation lines as drawn (sampled polylines on screen): labels keep off them. */
  lines?: readonly (readonly Point[])[];
}

/** Tunables: gap between marker and label, and the rings tried for leader-lined labels. */
const GAP = 3;
const RINGS = [22, 34, 48, 64, 82];
const DIRECTIONS = 16;
/** How many of the rings a label may go out to, on a leader line, to keep off the lines. */
const LINE_RINGS = 2;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(b: Box, bounds: Box): boolean {
  return (
    b.x >= bounds.x &&
    b.y >= bounds.y &&
    b.x + b.width <= bounds.x + bounds.width &&
    b.y + b.height <= bounds.y + bounds.height
  );
}

interface Candidate {
  box: Box;
  anchor: PlacedLabel['anchor'];
  leader: boolean;
}

/** The eight spots touching the marker, in the order a cartographer prefers them. */
function adjacent(at: Point, width: number, height: number, r: number): Candidate[] {
  const [x, y] = at;
  const g = r + GAP;
  const spot = (bx: number, by: number, anchor: Candidate['anchor']): Candidate => ({
    box: { x: bx, y: by, width, height },
    anchor,
    leader: false,
  });
  return [
    spot(x + g, y - height / 2, 'start'),
    spot(x - g - width, y - height / 2, 'end'),
    spot(x + g * 0.7, y - g * 0.7 - height, 'start'),
    spot(x + g * 0.7, y + g * 0.7, 'start'),
    spot(x - g * 0.7 - width, y - g * 0.7 - height, 'end'),
    spot(x - g * 0.7 - width, y + g * 0.7, 'end'),
    spot(x - width / 2, y - g - height, 'middle'),
    spot(x - width / 2, y + g, 'middle'),
  ];
}

/** Spots further out in every direction, reached by a leader line. */
function distant(at: Point, width: number, height: number, ring: number): Candidate[] {
  return Array.from({ length: DIRECTIONS }, (_, i) => {
    const angle = (i / DIRECTIONS) * 2 * Math.PI;
    const cx = at[0] + Math.cos(angle) * ring;
    const cy = at[1] + Math.sin(angle) * ring;
    // The label hangs off the end of the leader on the side facing away from the marker.
    const cos = Math.cos(angle);
    const anchor: Candidate['anchor'] = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const x = anchor === 'start' ? cx : anchor === 'end' ? cx - width : cx - width / 2;
    const sin = Math.sin(angle);
    const y = sin > 0.3 ? cy : sin < -0.3 ? cy - height : cy - height / 2;
    return { box: { x, y, width, height }, anchor, leader: true };
  });
}

/** Where the text of a box starts and sits, relative to the marker, for its anchor. */
function textPosition(c: Candidate, at: Point, fontSize: number): { dx: number; dy: number } {
  const x =
    c.anchor === 'start'
      ? c.box.x + 1
      : c.anchor === 'end'
        ? c.box.x + c.box.width - 1
        : c.box.x + c.box.width / 2;
  // The box is the line's height; the baseline sits about a quarter of the size above its foot.
  const y = c.box.y + c.box.height / 2 + fontSize * 0.35;
  return { dx: x - at[0], dy: y - at[1] };
}

/** The point of a box nearest the marker: where its leader line ends. */
function nearestPoint(box: Box, [x, y]: Point): Point {
  return [
    Math.min(box.x + box.width, Math.max(box.x, x)),
    Math.min(box.y + box.height, Math.max(box.y, y)),
  ];
}

/** The box shrunk by `by` px on every side. */
function inset(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places a label for every request whose marker lies inside the bounds, most important first.
 * Markers outside the bounds get none. When nothing is free (a map a few markers wide), the
 * label takes the adjacent spot that overlaps least, so a name is never dropped.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  options: LabelOptions,
): PlacedLabel[] {
  const { fontSize, radius, bounds, measure } = options;
  const height = Math.round(fontSize * 1.25);
  const visible = requests.filter((r) =>
    inside({ x: r.at[0], y: r.at[1], width: 0, height: 0 }, bounds),
  );
  const discs: Box[] = visible.map(({ at }) => ({
    x: at[0] - radius,
    y: at[1] - radius,
    width: radius * 2,
    height: radius * 2,
  }));
  const taken: Box[] = [...discs, ...(options.reserved ?? [])];
  const order = [...visible].sort((a, b) => b.priority - a.priority);
  const lines = indexLines(options.lines ?? []);
  // A line only grazing a box's edge passes under the text's halo, not through its letters.
  const crossed = (c: Candidate) => lines.crossings(inset(c.box, 1.5));
  const placed: PlacedLabel[] = [];
  for (const request of order) {
    const free = (c: Candidate) => inside(c.box, bounds) && !taken.some((t) => overlaps(t, c.box));
    const clear = (c: Candidate) => free(c) && crossed(c) === 0;
    const names = request.names.length ? request.names : [request.id];
    const near = (text: string) => adjacent(request.at, measure(text), height, radius);
    /** The first spot that passes, next to the marker with any name, then on the rings. */
    const search = (rings: readonly number[], ok: (c: Candidate) => boolean) => {
      for (const text of names) {
        const c = near(text).find(ok);
        if (c) return { text, c };
      }
      for (const ring of rings)
        for (const text of names) {
          const c = distant(request.at, measure(text), height, ring + radius).find(ok);
          if (c) return { text, c };
        }
      return null;
    };
    /** Where lines cross every spot near the marker: the adjacent free spot fewest lines cross. */
    const leastCrossed = () => {
      let best: { text: string; c: Candidate; n: number } | null = null;
      for (const text of names)
        for (const c of near(text).filter(free)) {
          const n = crossed(c);
          if (!best || n < best.n) best = { text, c, n };
        }
      return best;
    };
    let choice: { text: string; c: Candidate } | null =
      search(RINGS.slice(0, LINE_RINGS), clear) ?? leastCrossed() ?? search(RINGS, free);
    if (!choice) {
      const text = names[names.length - 1]!;
      const spots = near(text).filter((c) => inside(c.box, bounds));
      const cost = (c: Candidate) => taken.reduce((sum, t) => sum + overlapArea(t, c.box), 0);
      // Each spot's cost once (not once per comparison of a sort): the first of the cheapest.
      let best: { c: Candidate; n: number } | null = null;
      for (const c of spots.length ? spots : near(text)) {
        const n = cost(c);
        if (!best || n < best.n) best = { c, n };
      }
      choice = { text, c: best!.c };
    }
    taken.push(choice.c.box);
    const { dx, dy } = textPosition(choice.c, request.at, fontSize);
    const end = nearestPoint(choice.c.box, request.at);
    placed.push({
      id: request.id,
      text: choice.text,
      box: choice.c.box,
      dx,
      dy,
      anchor: choice.c.anchor,
      leader: choice.c.leader ? [end[0] - request.at[0], end[1] - request.at[1]] : null,
    });
  }
  return placed;
}

export interface PlacedReference {
  name: string;
  kind: 'sea' | 'capital';
  /** The text's anchor point on screen (its middle for a sea, its start for a capital). */
  x: number;
  y: number;
  /** The place's own point (a capital's dot). */
  at: Point;
  /** Whether the capital's own dot is drawn (not when its country's marker already sits there). */
  dot?: boolean;
}

/**
 * Reference places (seas, capitals) fill the room the actors' labels leave: each goes where it
 * covers no label, marker or other place, or is left out. `taken` holds what is placed already.
 * A capital is often its country's anchor, so its country's marker sits on its point: its name
 * then goes beside that marker (right, else left), clear of the marker and its label.
 */
export function placeReferences(
  places: readonly { name: string; kind: 'sea' | 'capital'; at: Point }[],
  taken: readonly Box[],
  options: Pick<LabelOptions, 'bounds' | 'measure' | 'fontSize'>,
): PlacedReference[] {
  const { bounds, measure, fontSize } = options;
  const height = Math.round(fontSize * 1.25);
  const boxes = [...taken];
  const placed: PlacedReference[] = [];
  const free = (box: Box) => inside(box, bounds) && !boxes.some((b) => overlaps(b, box));
  for (const place of places) {
    const width = measure(place.name);
    const [x, y] = place.at;
    const top = y - height / 2;
    if (place.kind === 'sea') {
      const box = { x: x - width / 2, y: top, width, height };
      if (!free(box)) continue;
      boxes.push(box);
      placed.push({ name: place.name, kind: 'sea', x, y: y + fontSize * 0.35, at: place.at });
      continue;
    }
    // A marker centred on the capital's point (its country's) hides the dot; anything else
    // over the point (a label) leaves the capital out.
    const own = boxes.filter(
      (b) => Math.abs(b.x + b.width / 2 - x) < 1 && Math.abs(b.y + b.height / 2 - y) < 1,
    );
    const dot = { x: x - 2, y: y - 2, width: 4, height: 4 };
    if (boxes.some((b) => !own.includes(b) && overlaps(b, dot))) continue;
    const right = Math.max(4, ...own.map((b) => b.x + b.width - x + 2));
    const left = Math.max(4, ...own.map((b) => x - b.x + 2));
    const box = [
      { x: x + right, y: top, width: width + 2, height },
      { x: x - left - width - 2, y: top, width: width + 2, height },
    ].find(free);
    if (!box) continue;
    boxes.push(box);
    if (!own.length) boxes.push(dot);
    placed.push({
      name: place.name,
      kind: 'capital',
      x: box.x + 1,
      y: y + fontSize * 0.35,
      at: place.at,
      dot: !own.length,
    });
  }
  return placed;
}
