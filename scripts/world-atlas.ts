/**
 * The start-up map file, made smaller at build time. world-atlas's 110m countries are quantized
 * to 100,000 steps per axis (0.0036° of longitude), far finer than their own simplification
 * (1:110 million). The world drawn at start is at most about 1,300 px wide, and the 50m detail
 * replaces these outlines from 3× zoom; 5,000 steps (0.07°: a quarter of a pixel at 1×, under a
 * pixel at 3×) lose nothing a reader can see and save a third of the file. The `land` object
 * (the merged coastline) is not drawn, and the countries' English names are never shown (the
 * story names its own actors): both are dropped. The ISO codes, which stories refer to, stay.
 * Its arcs and its countries' rings are written packed (src/lib/core/map/packedArcs.ts), a fifth
 * and a third smaller gzipped than JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { quantize } from 'topojson-client';
import type { Plugin } from 'vite';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { packArcs, packGeometries, type PolygonGeometry } from '../src/lib/core/map/packedArcs';

export const COARSE_QUANTIZATION = 5_000;

/** A quantized topology's arcs in absolute coordinates, without the transform. */
function untransform(topology: Topology): Topology {
  const transform = topology.transform;
  if (!transform) return topology;
  const [sx, sy] = transform.scale;
  const [tx, ty] = transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx!) * sx + tx, (y += dy!) * sy + ty]);
  });
  const { transform: _, ...rest } = topology;
  return { ...rest, arcs };
}

/** The countries of a world-atlas topology, re-quantized to `steps` per axis. */
export function coarsenWorld(topology: Topology, steps = COARSE_QUANTIZATION): Topology {
  const collection = topology.objects['countries'];
  if (!collection) throw new Error('not a world-atlas topology: no "countries" object');
  const countries =
    collection.type === 'GeometryCollection'
      ? {
          ...collection,
          geometries: collection.geometries.map(({ properties: _, ...geometry }) => geometry),
        }
      : collection;
  // topojson-client's types want property-less objects; the names ride along untouched.
  return quantize(
    untransform({ ...topology, objects: { countries } }) as Parameters<typeof quantize>[0],
    steps,
  );
}

/** The coarse world as the app downloads it: its arcs packed (src/lib/core/map/packedArcs.ts). */
export function packWorld(topology: Topology): string {
  const countries = topology.objects['countries'] as GeometryCollection;
  const { geometries, ...collection } = countries;
  return JSON.stringify({
    ...topology,
    objects: {
      countries: {
        ...collection,
        packed: packGeometries(geometries as unknown as PolygonGeometry[]),
      },
    },
    arcs: packArcs(topology.arcs as number[][][]),
  });
}

const COARSE_IMPORT = 'world-atlas/countries-110m.json?url';

/** Build only: `import url from 'world-atlas/countries-110m.json?url'` gets the coarsened file. */
export function coarseWorldAtlas(): Plugin {
  const require = createRequire(import.meta.url);
  const VIRTUAL = '\0coarse-world-url';
  return {
    name: 'coarse-world-atlas',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === COARSE_IMPORT ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      const topology = JSON.parse(
        readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
      ) as Topology;
      const reference = this.emitFile({
        type: 'asset',
        name: 'countries-110m.json',
        source: packWorld(coarsenWorld(topology)),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
