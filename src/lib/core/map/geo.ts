/**
 * Map maths: the world geometry, the projection that fits the container, and relation arcs.
 * d3 does the maths here; Svelte draws the results.
 */
import { geoEqualEarth, geoInterpolate, type GeoProjection } from 'd3-geo';
import { pathData } from './svgPath';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { unpackArcs, unpackGeometries, type PackedGeometry } from './packedArcs';

/** A country of the atlas; its `id` is the ISO 3166-1 numeric code. Names are not kept. */
export type Country = Feature<Geometry, { name?: string } | null>;

/** Zoom factor from which the 110m outlines look coarse and the 50m detail is loaded. */
export const DETAIL_ZOOM = 3;

/** Map files whose download began at start-up, waiting for the map to ask for them. */
const prefetched = new Map<string, Promise<Country[]>>();

/**
 * Starts loading a map file now, before the story is loaded and the map is mounted, so the two
 * downloads overlap; the first `loadCountries` of that URL takes the result.
 */
export function prefetchCountries(url: string): void {
  if (prefetched.has(url)) return;
  // Low priority: on a slow connection the story's own text should arrive first.
  const loading = fetchMapData(url, undefined, 'low').then(countriesOf);
  loading.catch(() => {}); // reported to whoever takes it
  prefetched.set(url, loading);
}

/** Fetches a world-atlas topology and returns its countries. Throws a readable error. */
export async function loadCountries(url: string, signal?: AbortSignal): Promise<Country[]> {
  const early = prefetched.get(url);
  if (early) {
    prefetched.delete(url); // a retry fetches afresh
    return early;
  }
  return countriesOf(await fetchMapData(url, signal));
}

/** Fetches a map data file without reading its body yet (the body is parsed by `countriesOf`). */
export async function fetchMapData(
  url: string,
  signal?: AbortSignal,
  priority: RequestPriority = 'auto',
): Promise<Response> {
  const response = await fetch(url, { signal, priority });
  if (!response.ok)
    throw new Error(
      `The map data could not be loaded (${response.status} ${response.statusText || 'error'}).`,
    );
  return response;
}

/**
 * Parses a fetched world-atlas topology into its countries (the start-up file's arcs come
 * packed: see scripts/world-atlas.ts). Throws a readable error.
 */
export async function countriesOf(response: Response): Promise<Country[]> {
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  if (!topology?.objects?.countries)
    throw new Error('The map data file is not a world-atlas topology.');
  const arcs: unknown = topology.arcs;
  if (typeof arcs === 'string') topology.arcs = unpackArcs(arcs) as Topology['arcs'];
  const countries = topology.objects.countries as GeometryCollection & { packed?: unknown };
  if (Array.isArray(countries.packed)) {
    countries.geometries = unpackGeometries(countries.packed as PackedGeometry[]);
    delete countries.packed;
  }
  return (
    feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      Country['properties']
    >
  ).features;
}

/** A country's outline, projected: what the country layer draws. */
export interface Shape {
  key: number;
  /** ISO 3166-1 numeric code ('' where the atlas has none). */
  id: string;
  d: string;
}

/**
 * Path precision in decimals of a projected pixel: 2 keeps outlines exact to a third of a
 * pixel at the closest zoom (40×) while writing a third less path data than d3's default of 3.
 */
export const PATH_DIGITS = 2;

function shapeOf(projection: GeoProjection, country: Country, key: number): Shape {
  const d = pathData(projection, country, PATH_DIGITS);
  return { key, id: country.id === undefined ? '' : String(country.id), d };
}

/** Projects every country at once (the coarse world: a few milliseconds). */
export function projectShapes(countries: readonly Country[], projection: GeoProjection): Shape[] {
  return countries.map((country, i) => shapeOf(projection, country, i));
}

export interface SliceOptions {
  /** Milliseconds of work before handing the main thread back. */
  budget?: number;
  /** Hands the main thread back; resolves when work may go on (e.g. once a gesture has ended). */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
}

/**
 * Projects every country in slices of a few milliseconds, handing the main thread back between
 * them, so projecting the 50m detail (over 1 million characters of path data) never freezes a
 * gesture. Rejects with the signal's reason when aborted.
 */
export async function projectShapesInSlices(
  countries: readonly Country[],
  projection: GeoProjection,
  { budget = 8, pause = nextTask, signal }: SliceOptions = {},
): Promise<Shape[]> {
  const shapes: Shape[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < countries.length; i++) {
    if (i > 0 && performance.now() - sliceStart > budget) {
      await pause();
      sliceStart = performance.now();
    }
    signal?.throwIfAborted();
    shapes.push(shapeOf(projection, countries[i]!, i));
  }
  return shapes;
}

/** Resolves in a new task, after the browser has had the chance to handle input and paint. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An Equal Earth projection fitted to the box, with a margin. */
export function fitProjection(width: number, height: number, margin = 8): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [margin, margin],
      [Math.max(margin + 1, width - margin), Math.max(margin + 1, height - margin)],
    ],
    { type: 'Sphere' },
  );
}

export type Point = [number, number];

const SAMPLES = 40;

/**
 * Points along the great circle between two places, in projected (unzoomed) coordinates. Where
 * the great circle would cross the map's edge (Washington to Pyongyang over the pole), it falls
 * back to the straight line between the two projected points, which the caller bows into a curve:
 * better than a line leaving one edge of the map and entering the other.
 */
export function greatCirclePoints(projection: GeoProjection, a: Point, b: Point): ArcPoints {
  const pa = projection(a);
  const pb = projection(b);
  if (!pa || !pb) return { points: [], wraps: false };
  const interpolate = geoInterpolate(a, b);
  const [x0] = projection([-180 + 1e-6, 0]) ?? [0];
  const [x1] = projection([180 - 1e-6, 0]) ?? [0];
  const seam = Math.abs(x1 - x0) / 2;
  const points: Point[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const p = projection(interpolate(i / SAMPLES));
    const prev = points[points.length - 1];
    if (!p || (prev && Math.abs(p[0] - prev[0]) > seam))
      return { points: straightLine(pa as Point, pb as Point), wraps: true };
    points.push(p as Point);
  }
  return { points, wraps: false };
}

/** Projected arc points; `wraps` when the great circle crossed the map's edge and was replaced. */
export interface ArcPoints {
  points: Point[];
  wraps: boolean;
}

/** An arc on screen: its SVG path, its points and the point halfway along. */
export interface Arc {
  d: string;
  mid: Point;
  points: Point[];
}

/** Applies a zoom transform `[k, x, y]` to an arc's points, moves its ends and bows it. */
export function screenArc(
  points: readonly Point[],
  zoom: { k: number; x: number; y: number },
  ends: { from: Point; to: Point },
  bow: number,
  /** Px cut from each end, so the line stops at its markers' edge rather than under them. */
  trim = 0,
): Arc | null {
  const whole = screenArcPoints(points, zoom, ends, bow);
  if (!whole) return null;
  const bowed = trimEnds(whole, trim);
  const a = bowed[0]!;
  return { d: toPath(bowed), mid: bowed[Math.floor((bowed.length - 1) / 2)] ?? a, points: bowed };
}

/** The points of `screenArc` without its SVG path (for measuring a route, not drawing it). */
export function screenArcPoints(
  points: readonly Point[],
  zoom: { k: number; x: number; y: number },
  ends: { from: Point; to: Point },
  bow: number,
): Point[] | null {
  const n = points.length - 1;
  if (n < 1) return null;
  const on = ([x, y]: Point): Point => [x * zoom.k + zoom.x, y * zoom.k + zoom.y];
  const a = on(points[0] as Point);
  const b = on(points[n] as Point);
  // Markers may sit a few pixels off their true place; the arc follows them smoothly.
  const da = [ends.from[0] - a[0], ends.from[1] - a[1]];
  const db = [ends.to[0] - b[0], ends.to[1] - b[1]];
  const moved = points.map((p, i) => {
    const t = i / n;
    const [x, y] = on(p);
    return [x + da[0]! * (1 - t) + db[0]! * t, y + da[1]! * (1 - t) + db[1]! * t] as Point;
  });
  return bowPoints(moved, bow);
}

/**
 * A polyline with `distance` px cut from each end (where many lines meet at one marker, each then
 * reaches its edge at its own angle instead of vanishing under it). A line shorter than twice
 * the distance is left whole.
 */
export function trimEnds(points: readonly Point[], distance: number): Point[] {
  if (distance <= 0 || points.length < 2) return [...points];
  const cut = (line: readonly Point[]): Point[] => {
    let left = distance;
    for (let i = 1; i < line.length; i++) {
      const [ax, ay] = line[i - 1]!;
      const [bx, by] = line[i]!;
      const length = Math.hypot(bx - ax, by - ay);
      if (length >= left) {
        const t = length === 0 ? 0 : left / length;
        return [[ax + (bx - ax) * t, ay + (by - ay) * t], ...line.slice(i)];
      }
      left -= length;
    }
    return [];
  };
  const total = points.reduce(
    (sum, p, i) => (i ? sum + Math.hypot(p[0] - points[i - 1]![0], p[1] - points[i - 1]![1]) : 0),
    0,
  );
  if (total <= 2 * distance) return [...points];
  return cut(cut(points).reverse()).reverse();
}

function straightLine(a: Point, b: Point): Point[] {
  return Array.from({ length: SAMPLES + 1 }, (_, i) => {
    const t = i / SAMPLES;
    return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as Point;
  });
}

/** Pushes each point sideways (perpendicular to the chord) by `bow`·sin(πt). */
export function bowPoints(points: readonly Point[], bow: number): Point[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2 || bow === 0) return [...points];
  const dx = last[0] - first[0];
  const dy = last[1] - first[1];
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  return points.map(([x, y], i) => {
    const k = bow * Math.sin((Math.PI * i) / (points.length - 1));
    return [x + nx * k, y + ny * k];
  });
}

/** A polyline as SVG path data, to a tenth of a pixel. */
export function toPath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/**
 * Sideways offsets for relations sharing the same two ends: 0 for a lone relation, then
 * ±spacing, ±2·spacing... so that parallel arcs fan out symmetrically.
 */
export function fanOffsets(count: number, spacing: number): number[] {
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * spacing);
}
