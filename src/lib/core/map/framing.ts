/**
 * The map's frame is chosen from the story, not from the sphere: a projection centred on the
 * story's actors (its seam in the widest stretch of longitude with no actor, so a Pacific story
 * is not split), fitted so that the actors fill the view with room for their labels. A regional
 * story (most) gets an equal-area conic with standard parallels from its own latitudes; a story
 * that spans most of the globe gets Equal Earth, turned to the story's middle.
 */
import { geoConicEqualArea, geoEqualEarth, type GeoProjection } from 'd3-geo';
import { projectedBounds } from './svgPath';
import type { Point } from './geo';

/** Longitude spans wider than this are drawn on a world projection rather than a conic. */
export const WORLD_SPAN = 240;
/** Room the zoom buttons take at the map's right edge, and the height of their column. */
export const ZOOM_BUTTONS = 56;
const ZOOM_COLUMN = 124;
/** The date's band at the top, and the row of zoom buttons at the foot of a narrow embed. */
const DATE_BAND = 44;
const ZOOM_ROW = 48;

/** What a story may ask of its frame (the optional `view` of the story file). */
export interface PreferredView {
  /** The centre of the map, [longitude, latitude]. */
  center?: readonly [number, number];
  /** `world` for Equal Earth, `region` for the conic; chosen from the actors when absent. */
  projection?: 'world' | 'region';
}

/** The projection's kind and rotation: decided once per story, fitted to every size. */
export interface Framing {
  kind: 'world' | 'region';
  /** Central meridian. */
  lambda: number;
  /** Standard parallels (region only). */
  parallels: [number, number];
  /** Centre latitude (region only). */
  phi: number;
}

/** Wraps a longitude into [-180, 180). */
function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * The actors' longitudes as one stretch: the seam goes in the middle of the widest gap between
 * neighbouring actors, so nothing the story names is cut. Returns the stretch's middle and width.
 */
export function longitudeSpan(lons: readonly number[]): { middle: number; span: number } {
  if (lons.length === 0) return { middle: 0, span: 0 };
  const sorted = [...lons].map(wrap).sort((a, b) => a - b);
  let gap = -1;
  let after = 0; // index of the first actor east of the widest gap
  sorted.forEach((lon, i) => {
    const next = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + 360;
    if (next - lon > gap) {
      gap = next - lon;
      after = (i + 1) % sorted.length;
    }
  });
  const span = 360 - gap;
  return { middle: wrap(sorted[after]! + span / 2), span };
}

/** Chooses the projection for a story's actors (their anchors, [lon, lat]). */
export function chooseFraming(anchors: readonly Point[], preferred: PreferredView = {}): Framing {
  const { middle, span } = longitudeSpan(anchors.map((a) => a[0]));
  const lats = anchors.map((a) => a[1]);
  const south = lats.length ? Math.min(...lats) : 0;
  const north = lats.length ? Math.max(...lats) : 0;
  const range = north - south;
  const kind = preferred.projection ?? (span > WORLD_SPAN ? 'world' : 'region');
  const lambda = preferred.center?.[0] ?? middle;
  const phi = preferred.center?.[1] ?? (south + north) / 2;
  // The classic rule of thumb for conics: standard parallels a sixth in from each edge.
  const inset = Math.max(range / 6, 2.5);
  return { kind, lambda, phi, parallels: [phi - range / 2 + inset, phi + range / 2 - inset] };
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where the zoom buttons sit over the map: a column top right, or a row at its foot (a narrow
 * embed, where a column would cover the story's eastern markers). */
export type ControlsAt = 'top' | 'bottom';

/** Room around the actors for their labels, the date and the zoom buttons: a share of the size. */
export function framePadding(
  width: number,
  height: number,
  labelSize = 12,
  controls: ControlsAt = 'top',
): Padding {
  const side = Math.min(Math.max(width * 0.08, 3 * labelSize), 8 * labelSize);
  const vertical = Math.min(Math.max(height * 0.07, 2 * labelSize), 5 * labelSize);
  // A portrait frame (a phone, a narrow embed) is short of width and has height to spare: the
  // story takes the whole width (labels turn inwards at the edges), and the date and the zoom
  // buttons get a band of their own above it (below it, the row of buttons where they sit there).
  if (height > width) {
    const edge = Math.max(labelSize * 1.35, width * 0.045);
    const below = controls === 'bottom';
    return {
      top: Math.max(vertical + labelSize, below ? DATE_BAND : ZOOM_COLUMN),
      right: edge,
      bottom: Math.max(vertical, below ? ZOOM_ROW : 0),
      left: edge,
    };
  }
  // The date sits top left and the zoom buttons top right, over the map.
  return {
    top: Math.max(vertical + labelSize, 4 * labelSize),
    right: Math.max(side, ZOOM_BUTTONS),
    bottom: vertical,
    left: side,
  };
}

/** A label's room beside its marker, as the label placement lays it out (marker, gap, text). */
export interface EdgeLabel {
  /** The marker's x on screen, in the frame fitted first. */
  x: number;
  /** The width of the label's shortest name. */
  width: number;
}

/** Markers this close to the outermost one on a side (px) crowd that edge together. */
const EDGE_CLUSTER = 40;
/** From this many markers crowding an edge, their names need room beyond it. */
const EDGE_CROWD = 3;
/** No more of the frame's width than this goes to an edge's names. */
const EDGE_ROOM_SHARE = 0.25;

/**
 * Padding with room for names at an edge where markers crowd (Japan, the Koreas and China at the
 * east edge of a narrow frame): with none, their names can only turn inwards, into each other,
 * on long leader lines. The widest name among them, past its marker, sets the room (up to a
 * share of the width); an edge with one or two markers keeps its padding (one name turns in).
 */
export function crowdedEdgePadding(
  labels: readonly EdgeLabel[],
  width: number,
  padding: Padding,
  markerRoom = 10,
): Padding {
  if (labels.length === 0) return padding;
  const room = (side: readonly EdgeLabel[]) =>
    side.length >= EDGE_CROWD
      ? Math.min(width * EDGE_ROOM_SHARE, markerRoom + Math.max(...side.map((l) => l.width)))
      : 0;
  const xs = labels.map((l) => l.x);
  const east = Math.max(...xs);
  const west = Math.min(...xs);
  return {
    ...padding,
    right: Math.max(padding.right, room(labels.filter((l) => east - l.x <= EDGE_CLUSTER))),
    left: Math.max(padding.left, room(labels.filter((l) => l.x - west <= EDGE_CLUSTER))),
  };
}

/**
 * The projection for a framing, fitted so the anchors fill the box inside `padding`. With one
 * actor (or all in one place), a region about 2000 km wide is shown around it.
 */
export function storyProjection(
  framing: Framing,
  anchors: readonly Point[],
  width: number,
  height: number,
  padding: Padding,
): GeoProjection {
  const extent = extentInside(width, height, padding);
  const [[x0, y0], [x1, y1]] = extent;
  const target = fitTarget(anchors);
  if (framing.kind === 'world')
    return geoEqualEarth().rotate([-framing.lambda, 0]).fitExtent(extent, target);
  // A frame taller than the story is wide (a phone) gets a cone bent further towards the story's
  // pole, which curls a long east–west story into the frame instead of leaving sea above and below.
  const pole = framing.phi >= 0 ? 1 : -1;
  let best: { projection: GeoProjection; fill: number } | null = null;
  for (const shift of CONE_SHIFTS) {
    const parallels = framing.parallels.map((p) =>
      Math.max(-89, Math.min(89, p + pole * shift)),
    ) as [number, number];
    const projection = geoConicEqualArea()
      .parallels(parallels)
      .rotate([-framing.lambda, 0])
      .center([0, framing.phi])
      .fitExtent(extent, target);
    const [[bx0, by0], [bx1, by1]] = projectedBounds(projection, target);
    const fill = Math.min((bx1 - bx0) / (x1 - x0), (by1 - by0) / (y1 - y0));
    if (!best || fill > best.fill) best = { projection, fill };
    if (fill >= BALANCED) break;
  }
  return best!.projection;
}

/** The box inside the padding, at least 2 px each way. */
function extentInside(width: number, height: number, padding: Padding): [Point, Point] {
  const x0 = Math.min(padding.left, width / 2 - 1);
  const y0 = Math.min(padding.top, height / 2 - 1);
  const x1 = Math.max(x0 + 2, width - padding.right);
  const y1 = Math.max(y0 + 2, height - padding.bottom);
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** Poleward shifts of the standard parallels tried, in order, until the frame is well filled. */
const CONE_SHIFTS = [0, 10, 20, 30, 40, 50];
/** Filling this share of the frame's lesser direction is good enough. */
const BALANCED = 0.6;

/** What the projection is fitted to: the anchors, or a region around a lone one. */
function fitTarget(anchors: readonly Point[]): GeoJSON.MultiPoint {
  const spread = new Set(anchors.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)).size > 1;
  if (spread) return { type: 'MultiPoint', coordinates: anchors.map((a) => [...a]) };
  const [lon, lat] = anchors[0] ?? [0, 20];
  return {
    type: 'MultiPoint',
    coordinates: [
      [lon - 10, lat - 6],
      [lon + 10, lat + 6],
    ],
  };
}

/** The projected bounds of the whole globe: how far the reader may pan and zoom out. */
export function sphereBounds(projection: GeoProjection): [[number, number], [number, number]] {
  return projectedBounds(projection, { type: 'Sphere' });
}

/** How far out the reader may zoom: until the whole globe fits, but never beyond a tenth. */
export function minZoom(projection: GeoProjection, width: number, height: number): number {
  const [[x0, y0], [x1, y1]] = sphereBounds(projection);
  return Math.min(1, Math.max(0.1, Math.min(width / (x1 - x0), height / (y1 - y0))));
}
