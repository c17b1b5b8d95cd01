/**
 * Reference places shown once the reader zooms in past the story's frame: a few seas from this
 * small bundled list (names as the major English-language atlases give them; where two names are
 * in use, both), and the capitals of the story's countries from the story's own `anchorLabel`.
 * The map fetches this module the first time it is zoomed in that far.
 */
import type { Point } from './geo';
import type { Box } from './layout';
import { inside, overlaps, type LabelOptions } from './labels';

export interface Place {
  name: string;
  at: Point;
  kind: 'sea' | 'capital';
}

export const SEAS: readonly Place[] = [
  ['Pacific Ocean', [-150, 15]],
  ['Pacific Ocean', [160, 25]],
  ['Atlantic Ocean', [-40, 30]],
  ['Indian Ocean', [80, -20]],
  ['Arctic Ocean', [0, 85]],
  ['Sea of Japan (East Sea)', [135, 40.5]],
  ['Yellow Sea', [123.5, 35.5]],
  ['East China Sea', [126, 29]],
  ['South China Sea', [114, 13]],
  ['Philippine Sea', [132, 20]],
  ['Sea of Okhotsk', [150, 53]],
  ['Bering Sea', [-178, 58]],
  ['Black Sea', [34, 43.3]],
  ['Caspian Sea', [50.5, 42]],
  ['Baltic Sea', [19.5, 56.5]],
  ['North Sea', [3, 56]],
  ['Norwegian Sea', [3, 68]],
  ['Barents Sea', [40, 73]],
  ['Mediterranean Sea', [18, 35]],
  ['Persian Gulf', [51, 27]],
  ['Arabian Sea', [64, 16]],
  ['Bay of Bengal', [89, 15]],
  ['Tasman Sea', [160, -38]],
  ['Coral Sea', [155, -17]],
  ['Gulf of Mexico', [-90, 25]],
  ['Caribbean Sea', [-75, 15]],
].map(([name, at]) => ({ name: name as string, at: at as Point, kind: 'sea' as const }));

/** The capitals of the story's countries (their anchors, named by `anchorLabel`). */
export function capitalsOf(
  actors: readonly { kind: string; anchor: readonly [number, number]; anchorLabel?: string }[],
): Place[] {
  const seen = new Set<string>();
  const capitals: Place[] = [];
  for (const a of actors) {
    if (a.kind !== 'country' || !a.anchorLabel || seen.has(a.anchorLabel)) continue;
    seen.add(a.anchorLabel);
    capitals.push({ name: a.anchorLabel, at: [a.anchor[0], a.anchor[1]], kind: 'capital' });
  }
  return capitals;
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
 * A capital is often its country's anchor: where its country's marker sits on its point, the
 * marker's label names the spot and the capital is left out; where the marker was pushed aside
 * (Seoul beside Pyongyang) or is not drawn, the capital gets its dot and its name.
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
    // A marker centred on the capital's point is its country's: its label names that spot, and
    // a second name beside the same dot ("Beijing ○ China") reads as two names for one place.
    // Anything else over the point (a label) leaves the capital out too.
    const dot = { x: x - 2, y: y - 2, width: 4, height: 4 };
    if (boxes.some((b) => overlaps(b, dot))) continue;
    const box = [
      { x: x + 4, y: top, width: width + 2, height },
      { x: x - 4 - width - 2, y: top, width: width + 2, height },
    ].find(free);
    if (!box) continue;
    boxes.push(box, dot);
    placed.push({
      name: place.name,
      kind: 'capital',
      x: box.x + 1,
      y: y + fontSize * 0.35,
      at: place.at,
      dot: true,
    });
  }
  return placed;
}
