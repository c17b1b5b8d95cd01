/**
 * The start-up map file's arcs written compactly (scripts/world-atlas.ts): each delta-encoded
 * coordinate of a quantized topology as a zigzag varint in base-64 digits, arcs separated by
 * commas. Gzipped, that is a fifth smaller than the same numbers as JSON arrays, and it reads
 * back to exactly the same arcs.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...DIGITS].map((digit, i) => [digit, i]));

type Arc = number[][];

function packNumber(n: number): string {
  let z = n < 0 ? -2 * n - 1 : 2 * n; // zigzag: small magnitudes, either sign, in few digits
  let text = '';
  do {
    let digit = z & 31;
    z >>>= 5;
    if (z) digit |= 32; // more digits follow
    text += DIGITS[digit];
  } while (z);
  return text;
}

/** Integer arcs (a quantized topology's) as one string. */
export function packArcs(arcs: readonly Arc[]): string {
  return arcs.map((arc) => arc.map((p) => p.map(packNumber).join('')).join('')).join(',');
}

/** The arcs of `packArcs`, as arrays of [x, y] again. */
export function unpackArcs(text: string): Arc[] {
  return text.split(',').map((part) => {
    const numbers: number[] = [];
    let z = 0;
    let shift = 0;
    for (const digit of part) {
      const value = VALUE.get(digit) ?? 0;
      z += (value & 31) * 2 ** shift;
      if (value & 32) shift += 5;
      else {
        numbers.push(z % 2 ? -(z + 1) / 2 : z / 2);
        z = 0;
        shift = 0;
      }
    }
    const arc: Arc = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) arc.push([numbers[i]!, numbers[i + 1]!]);
    return arc;
  });
}

/** A country of a quantized topology, as the start-up file holds it (no properties). */
export type PolygonGeometry =
  | { type: 'Polygon'; id?: string; arcs: number[][] }
  | { type: 'MultiPolygon'; id?: string; arcs: number[][][] };

/** A packed country: its id ('' for none), its polygons, and 1 if it was a MultiPolygon. */
export type PackedGeometry = [string, number[][][], 0 | 1];

/**
 * The countries' rings written compactly: each arc index as its difference from the index
 * before it in the whole collection (rings mostly run on consecutive arcs, so most are 1 or a
 * small number), and each country as `[id, polygons, multi]` rather than an object with keys.
 * Gzipped, a third smaller than the topology's own objects.
 */
export function packGeometries(geometries: readonly PolygonGeometry[]): PackedGeometry[] {
  let previous = 0;
  const delta = (ring: number[]) =>
    ring.map((index) => {
      const d = index - previous;
      previous = index;
      return d;
    });
  return geometries.map((g) => {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    return [g.id ?? '', polygons.map((rings) => rings.map(delta)), g.type === 'Polygon' ? 0 : 1];
  });
}

/** The countries of `packGeometries`, as topology geometries again. */
export function unpackGeometries(packed: readonly PackedGeometry[]): PolygonGeometry[] {
  let previous = 0;
  const absolute = (ring: number[]) => ring.map((d) => (previous += d));
  return packed.map(([id, polygons, multi]) => {
    const arcs = polygons.map((rings) => rings.map(absolute));
    const geometry: PolygonGeometry = multi
      ? { type: 'MultiPolygon', arcs }
      : { type: 'Polygon', arcs: arcs[0] ?? [] };
    return id === '' ? geometry : { ...geometry, id };
  });
}
