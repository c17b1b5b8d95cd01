/** The map's own path writer gives what d3's geoPath gives, without its unused methods' code. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoConicEqualArea, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { pathData, projectedBounds } from '../../src/lib/core/map/svgPath';

const require = createRequire(import.meta.url);
const topology = JSON.parse(
  fs.readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology;
const countries = (
  feature(topology, topology.objects['countries']!) as unknown as FeatureCollection
).features;

const projections: [string, () => GeoProjection][] = [
  [
    'Equal Earth fitted to the world',
    () => geoEqualEarth().fitSize([846, 406], { type: 'Sphere' }),
  ],
  [
    'Equal Earth rotated (cut through Asia)',
    () => geoEqualEarth().rotate([-100, 0]).fitSize([846, 406], { type: 'Sphere' }),
  ],
  [
    'a conic framed on East Asia (clipped: much of the world is off its cone)',
    () =>
      geoConicEqualArea()
        .parallels([30, 60])
        .rotate([-110, 0])
        .center([0, 45])
        .scale(900)
        .translate([423, 203]),
  ],
];

describe.each(projections)('through %s', (_, make) => {
  const projection = make();

  it.each([2, 3])('writes every country as geoPath does, to %i decimals', (digits) => {
    const path = geoPath(projection).digits(digits);
    for (const country of countries)
      expect(pathData(projection, country, digits)).toBe(path(country) ?? '');
  });

  it('writes the globe’s outline as geoPath does (3 decimals by default)', () => {
    expect(pathData(projection, { type: 'Sphere' })).toBe(geoPath(projection)({ type: 'Sphere' }));
  });

  it('gives the bounds geoPath gives, of a country, the globe and a set of points', () => {
    const points = {
      type: 'MultiPoint' as const,
      coordinates: [
        [37.6, 55.8],
        [125.8, 39],
        [-77, 38.9],
      ],
    };
    for (const object of [countries[0]!, countries[42]!, { type: 'Sphere' as const }, points])
      expect(projectedBounds(projection, object)).toEqual(geoPath(projection).bounds(object));
  });
});
