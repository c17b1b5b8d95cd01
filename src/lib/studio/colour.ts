/**
 * Whether two role colours are too close to tell apart on the map. The distance is CIE76 ΔE in
 * CIELAB (perceptual, unlike RGB); below 20 two fills at 38 % over the land colour blur together.
 */
export const MIN_DELTA_E = 20;

function lab(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE between two colours, or Infinity when one is not a colour. */
export function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  if (!p || !q) return Infinity;
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * Pairs of names whose colours are too close: each role against the others, and against the
 * colours the map gives relations (`others`).
 */
export function closeColours(
  roles: readonly { label: string; color: string }[],
  others: readonly { label: string; color: string }[] = [],
): [string, string][] {
  const out: [string, string][] = [];
  roles.forEach((a, i) => {
    for (const b of [...roles.slice(i + 1), ...others])
      if (deltaE(a.color, b.color) < MIN_DELTA_E) out.push([a.label, b.label]);
  });
  return out;
}
