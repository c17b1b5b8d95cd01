/**
 * Text widths for placing labels, from one per-character width table measured once per font
 * (as Observable Plot does): the canvas measures every printable character at 100 px, and a
 * label's width is the sum of its characters' widths. Where there is no canvas (server
 * rendering, unit tests), a conservative table for a wide sans-serif stands in.
 */

/** Widths in em of a wide sans-serif (DejaVu Sans Bold), used when nothing can be measured. */
const FALLBACK = {
  narrow: 0.36, // i j l . , ' : ; ! | space
  lower: 0.66,
  upper: 0.76,
  wide: 0.98, // m w M W
  digit: 0.7,
  other: 0.7,
};

function fallbackWidth(ch: string): number {
  if (/[ijl.,':;!| ()-]/.test(ch)) return FALLBACK.narrow;
  if (/[mwMW]/.test(ch)) return FALLBACK.wide;
  if (/[a-z]/.test(ch)) return FALLBACK.lower;
  if (/[A-Z]/.test(ch)) return FALLBACK.upper;
  if (/[0-9]/.test(ch)) return FALLBACK.digit;
  return FALLBACK.other;
}

const SIZE = 100;
const tables = new Map<string, Map<string, number> | null>();
let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context =
      typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  } catch {
    context = null;
  }
  return context;
}

/** The font stack of the page's sans-serif token, read once. */
function sansStack(): string {
  if (typeof document === 'undefined') return 'sans-serif';
  const stack = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim();
  return stack || 'sans-serif';
}

/** The width table of one font weight: measured once, then looked up. */
function tableFor(weight: number): Map<string, number> | null {
  const key = String(weight);
  if (tables.has(key)) return tables.get(key)!;
  const ctx = canvasContext();
  let table: Map<string, number> | null = null;
  if (ctx) {
    ctx.font = `${weight} ${SIZE}px ${sansStack()}`;
    table = new Map();
    for (let code = 32; code < 127; code++) {
      const ch = String.fromCharCode(code);
      table.set(ch, ctx.measureText(ch).width / SIZE);
    }
    // A font that measured nothing (not loaded, a stub canvas) is no better than the fallback.
    if ((table.get('M') ?? 0) <= 0) table = null;
  }
  tables.set(key, table);
  return table;
}

/** The width in px of `text` set at `fontSize` px in the page's sans-serif at `weight`. */
export function textWidth(text: string, fontSize: number, weight = 600): number {
  const table = tableFor(weight);
  let em = 0;
  for (const ch of text) em += table?.get(ch) ?? table?.get('n') ?? fallbackWidth(ch);
  // Measured characters ignore kerning and the halo's stroke: a little slack on each side.
  return em * fontSize + (table ? 2 : 4);
}
