/**
 * Colour warnings: a role colour that a reader would hardly tell from a relation's colour or from
 * another role's. Distances are CIEDE2000 (ΔE00), the perceptual difference of two colours.
 */
import { differenceCiede2000 } from 'culori';
import { TYPE_STYLE } from '../../src/lib/core/style/relationStyle';
import { PALETTES } from '../../src/lib/core/style/palette';
import type { Finding } from './geo';

/** Below this ΔE00 two map colours read as one at a glance (2.3 is the least anyone sees). */
export const MIN_COLOUR_DISTANCE = 10;

const deltaE = differenceCiede2000();
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const COLOUR = /^#[0-9a-fA-F]{6}$/;

export function colourFindings(json: unknown): Finding[] {
  if (!isObject(json) || !Array.isArray(json['roles'])) return [];
  const roles = (json['roles'] as unknown[])
    .map((r, i) => [r, i] as const)
    .filter((e): e is [Record<string, unknown>, number] => isObject(e[0]))
    .filter(([r]) => typeof r['color'] === 'string' && COLOUR.test(r['color']));
  const findings: Finding[] = [];
  roles.forEach(([role, i], n) => {
    const colour = role['color'] as string;
    const near: string[] = [];
    for (const [type, style] of Object.entries(TYPE_STYLE)) {
      // The line's colour as the light theme draws it (the style holds a CSS token).
      const line = PALETTES.light.relation[style.hue];
      const d = deltaE(colour, line);
      if (d < MIN_COLOUR_DISTANCE)
        near.push(`the "${type}" relation colour ${line} (ΔE00 ${d.toFixed(1)})`);
    }
    for (const [other] of roles.slice(0, n)) {
      const d = deltaE(colour, other['color'] as string);
      if (d < MIN_COLOUR_DISTANCE)
        near.push(`role "${String(other['id'])}" ${String(other['color'])} (ΔE00 ${d.toFixed(1)})`);
    }
    if (near.length)
      findings.push({
        path: ['roles', i, 'color'],
        severity: 'warning',
        message: `${colour} is hard to tell from ${near.join(' and ')}: pick a colour at least ${MIN_COLOUR_DISTANCE} apart`,
      });
  });
  return findings;
}
