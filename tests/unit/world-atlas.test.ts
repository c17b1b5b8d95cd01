/** The start-up map file is made smaller at build time; it must still be the same world. */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { geoArea, geoBounds } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import { coarsenWorld, COARSE_QUANTIZATION, packWorld } from '../../scripts/world-atlas';
import {
  packArcs,
  packGeometries,
  unpackArcs,
  unpackGeometries,
  type PolygonGeometry,
} from '../../src/lib/core/map/packedArcs';
import { countriesOf } from '../../src/lib/core/map/geo';

const root = fileURLToPath(new URL('../..', import.meta.url));
const original = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8'),
) as Topology;
const coarse = coarsenWorld(original);

function countries(topology: Topology): Feature[] {
  const object = topology.objects['countries'] as GeometryCollection;
  return (feature(topology, object) as FeatureCollection).features;
}

describe('the coarsened start-up world', () => {
  it('keeps every country with its ISO code, in the same order, and drops the unused names', () => {
    const ids = (t: Topology) => countries(t).map((f) => f.id);
    expect(ids(coarse)).toEqual(ids(original));
    expect(ids(coarse)).toContain('408'); // North Korea
    expect(countries(coarse).every((f) => Object.keys(f.properties ?? {}).length === 0)).toBe(true);
  });

  it(`is quantized to ${COARSE_QUANTIZATION.toLocaleString('en')} steps and drops the unused land object`, () => {
    expect(Object.keys(coarse.objects)).toEqual(['countries']);
    expect(coarse.transform?.scale[0]).toBeCloseTo(360 / (COARSE_QUANTIZATION - 1), 6);
  });

  it('moves no country by more than a tenth of a degree', () => {
    const before = countries(original).map((f) => geoBounds(f).flat());
    const after = countries(coarse).map((f) => geoBounds(f).flat());
    const worst = Math.max(
      ...after.flatMap((box, i) => box.map((v, j) => Math.abs(v - before[i]![j]!))),
    );
    expect(worst).toBeLessThan(0.1);
  });

  it('changes no country’s area by more than 5 % (the smallest islands move most)', () => {
    const before = countries(original).map((f) => geoArea(f));
    const after = countries(coarse).map((f) => geoArea(f));
    const worst = Math.max(...after.map((area, i) => Math.abs(area / before[i]! - 1)));
    expect(worst).toBeLessThan(0.05);
  });

  it('is at least a third smaller on the wire, its arcs packed', () => {
    const size = (text: string) => gzipSync(text, { level: 9 }).length;
    expect(size(packWorld(coarse))).toBeLessThan(size(JSON.stringify(original)) * 0.67);
    expect(size(packWorld(coarse))).toBeLessThan(size(JSON.stringify(coarse)) * 0.85);
  });

  it('reads back, packed, as the same countries', async () => {
    const read = await countriesOf(new Response(packWorld(coarse)));
    expect(read).toEqual(countries(coarse));
  });

  it('refuses a file that is not a world-atlas topology', () => {
    expect(() => coarsenWorld({ type: 'Topology', objects: {}, arcs: [] })).toThrow(
      'no "countries" object',
    );
  });
});

describe('packed arcs', () => {
  it.each([
    [[[[0, 0]]]],
    [
      [
        [
          [1, -1],
          [-16, 15],
          [16, -17],
        ],
      ],
    ],
    [
      [
        [
          [4999, -4999],
          [1048576, -1048577],
        ],
        [[3, 4]],
      ],
    ],
    [
      [
        [
          [2, 3],
          [0, 0],
          [-1, 0],
        ],
        [[7, 7]],
        [
          [-3, 9],
          [12, -40],
        ],
      ],
    ],
  ])('%j reads back unchanged', (arcs) => {
    expect(unpackArcs(packArcs(arcs))).toEqual(arcs);
  });
});

describe('packed countries', () => {
  it.each([
    ['a polygon', [{ type: 'Polygon', id: '004', arcs: [[0, 1, 2], [-4]] }]],
    ['a multipolygon', [{ type: 'MultiPolygon', id: '250', arcs: [[[5, 6]], [[7], [-9, 10]]] }]],
    [
      'countries on shared and reversed arcs, one without an id',
      [
        { type: 'Polygon', arcs: [[3, 4, -1]] },
        { type: 'MultiPolygon', id: '643', arcs: [[[0, -5, 12]], [[13]]] },
      ],
    ],
  ] as const)('read back the same: %s', (_, geometries) => {
    const packed = packGeometries(geometries as unknown as PolygonGeometry[]);
    expect(unpackGeometries(packed)).toEqual(geometries);
  });

  it('write the 110m countries a third smaller gzipped', () => {
    const size = (value: unknown) => gzipSync(JSON.stringify(value), { level: 9 }).length;
    const geometries = (coarse.objects['countries'] as GeometryCollection).geometries;
    const packed = packGeometries(geometries as unknown as PolygonGeometry[]);
    expect(size(packed)).toBeLessThan(size(geometries) * 0.7);
    expect(unpackGeometries(packed)).toEqual(geometries);
  });
});
