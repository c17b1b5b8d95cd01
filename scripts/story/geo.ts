/**
 * Geographic checks against the map the app draws (world-atlas 50m): feature codes that are
 * not on the map, anchors outside their country (or with longitude and latitude swapped), and a
 * group's marker on the land of a country that is not one of its members. Tool-only: the
 * reader's bundle never loads this.
 */
import { createRequire } from 'node:module';
import { geoContains, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { JsonPath } from '../../src/lib/core/story/validate';

type LonLat = [number, number];
type Country = Feature<Geometry, { name: string }>;
export interface Finding {
  path: JsonPath;
  severity: 'error' | 'warning';
  message: string;
}

/** How far outside an outline an anchor may sit (a coastal capital on a coarse coastline): ~30 km. */
export const ANCHOR_TOLERANCE_DEGREES = 0.3;

let atlas: Country[] | undefined;
/** The 50m countries, read once. */
export function countries(): Country[] {
  if (!atlas) {
    const topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
    const collection = feature(
      topology,
      topology.objects['countries'] as GeometryCollection<{ name: string }>,
    ) as FeatureCollection<Geometry, { name: string }>;
    atlas = collection.features;
  }
  return atlas;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLonLat = (value: unknown): value is LonLat =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** The closest any vertex of a feature comes to a point, in degrees of arc. */
function nearness(country: Country, point: LonLat): number {
  let best = Infinity;
  const visit = (coords: unknown): void => {
    if (typeof (coords as number[])[0] === 'number') {
      best = Math.min(best, geoDistance(coords as LonLat, point));
    } else for (const c of coords as unknown[]) visit(c);
  };
  const g = country.geometry;
  if ('coordinates' in g) visit(g.coordinates);
  return (best * 180) / Math.PI;
}

/** The countries of the atlas whose outline holds the point. */
export function countriesAt(point: LonLat): Country[] {
  return countries().filter((c) => geoContains(c, point));
}

function inside(codes: readonly string[], point: LonLat): boolean {
  const own = countries().filter((c) => c.id !== undefined && codes.includes(String(c.id)));
  return (
    own.some((c) => geoContains(c, point)) ||
    own.some((c) => nearness(c, point) <= ANCHOR_TOLERANCE_DEGREES)
  );
}

const place = (point: LonLat) => {
  const at = countriesAt(point)[0];
  return at ? `in ${at.properties.name}` : 'in the sea';
};

/** Every geographic problem of a story's raw JSON. */
export function geoFindings(json: unknown): Finding[] {
  if (!isObject(json) || !Array.isArray(json['actors'])) return [];
  const findings: Finding[] = [];
  const known = new Map(
    countries()
      .filter((c) => c.id !== undefined)
      .map((c) => [String(c.id), c]),
  );
  const actors = json['actors'].filter(isObject);
  const featuresOf = new Map<string, string[]>();
  for (const a of actors) {
    const codes = Array.isArray(a['features'])
      ? a['features'].filter((f) => typeof f === 'string')
      : [];
    if (typeof a['id'] === 'string') featuresOf.set(a['id'], codes);
  }
  (json['actors'] as unknown[]).forEach((a, i) => {
    if (!isObject(a)) return;
    const name = typeof a['name'] === 'string' ? a['name'] : String(a['id']);
    const codes = Array.isArray(a['features']) ? a['features'] : [];
    codes.forEach((code, j) => {
      if (typeof code !== 'string' || known.has(code)) return;
      const byName = countries().find((c) => c.properties.name === name && c.id !== undefined);
      findings.push({
        path: ['actors', i, 'features', j],
        severity: 'error',
        message: `feature "${code}" is not on the map (world-atlas)${byName ? `: ${name} is "${String(byName.id)}"` : ''}`,
      });
    });
    const anchor = a['anchor'];
    if (!isLonLat(anchor)) return;
    const own = codes.filter((c): c is string => typeof c === 'string' && known.has(c));
    if (own.length && !inside(own, anchor)) {
      const swapped: LonLat = [anchor[1], anchor[0]];
      const message =
        Math.abs(anchor[1]) <= 180 && Math.abs(anchor[0]) <= 90 && inside(own, swapped)
          ? `longitude and latitude are swapped: [${anchor.join(', ')}] is ${place(anchor)}; ${name} is at [${swapped.join(', ')}] (write [longitude, latitude])`
          : `is outside ${name}: [${anchor.join(', ')}] is ${place(anchor)}`;
      findings.push({ path: ['actors', i, 'anchor'], severity: 'error', message });
    }
    const members = Array.isArray(a['members']) ? a['members'].filter(isObject) : [];
    if (a['kind'] === 'group' && members.length && !own.length) {
      const memberCodes = new Set(
        members.flatMap((m) =>
          typeof m['actor'] === 'string' ? (featuresOf.get(m['actor']) ?? []) : [],
        ),
      );
      const land = countriesAt(anchor).filter((c) => c.id !== undefined);
      const foreign = land.find((c) => !memberCodes.has(String(c.id)));
      if (foreign && !land.some((c) => memberCodes.has(String(c.id))))
        findings.push({
          path: ['actors', i, 'anchor'],
          severity: 'warning',
          message: `the marker sits in ${foreign.properties.name}, which is not a member of ${name}`,
        });
    }
  });
  return findings;
}
