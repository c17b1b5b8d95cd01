/**
 * How each kind of relation is drawn. Types and statuses are fixed by the schema, so the engine
 * may know them; colour always comes with a line style and a text label, never alone.
 *
 * Nine types share six hues (src/lib/theme/palette.ts) grouped by meaning; within a hue the
 * heavier line is the stronger tie (a defence treaty over a partnership, arms over support,
 * sanctions over criticism), and the key and every line's accessible name say which it is.
 */
import type { RelationTypeId, Status } from '../story/schema';
import { PALETTES, relationPaint, type RelationHue } from './palette';

export interface TypeStyle {
  label: string;
  hue: RelationHue;
  /** The stroke as CSS: the theme's token for the hue (`var(--rel-…)`). */
  color: string;
  /** Line width in px on the page; slides add a fixed amount (see `SLIDE_LINE_BOOST`). */
  width: number;
}

function style(label: string, hue: RelationHue, width: number): TypeStyle {
  return { label, hue, color: relationPaint(hue), width };
}

export const TYPE_STYLE: Record<RelationTypeId, TypeStyle> = {
  'mutual-defence': style('Mutual-defence treaty', 'defence', 3.5),
  'strategic-partnership': style('Strategic partnership', 'partnership', 2.5),
  alignment: style('Political alignment', 'partnership', 1.5),
  'arms-transfer': style('Arms transfer', 'arms', 2.5),
  support: style('Technology / economic support', 'arms', 1.5),
  sanctions: style('Sanctions', 'pressure', 2.75),
  criticism: style('Criticism', 'pressure', 1.5),
  war: style('War', 'war', 3),
  'drills-tension': style('Military drills / tension', 'drills', 2),
};

/** Added to every line's width on a projected slide: page widths 1.5–3.5 px become 4–6 px. */
export const SLIDE_LINE_BOOST = 2.5;

/**
 * A relation type's colour as a plain value (for files saved outside the page, which cannot
 * read the page's custom properties): the token as `element` sees it, else the light colour.
 */
export function resolvedColor(type: RelationTypeId, element?: Element): string {
  const hue = TYPE_STYLE[type].hue;
  const token =
    element && typeof getComputedStyle === 'function'
      ? getComputedStyle(element).getPropertyValue(`--rel-${hue}`).trim()
      : '';
  return token || PALETTES.light.relation[hue];
}

/**
 * A status's dash pattern for a line made `boost` px thicker: dashes and gaps grow with the line,
 * so a thick dashed line still reads as dashed rather than as a row of touching round caps.
 */
export function slideDash(dash: string, boost: number): string {
  if (!dash || boost === 0) return dash;
  const scale = 1 + boost / 2.5;
  return dash
    .split(/\s+/)
    .map((n) => String(Math.round(Number(n) * scale * 10) / 10))
    .join(' ');
}

export interface StatusStyle {
  label: string;
  /** SVG stroke-dasharray; empty for a solid line. Dashes are kept for what is unverified. */
  dash: string;
  opacity: number;
  /** Drawn as an outline (a hollow line): real but not yet in effect (signed, planned). */
  hollow: boolean;
}

export const STATUS_STYLE: Record<Status, StatusStyle> = {
  'in-force': { label: 'In force', dash: '', opacity: 1, hollow: false },
  signed: { label: 'Signed, not yet in force', dash: '', opacity: 1, hollow: true },
  planned: { label: 'Planned', dash: '', opacity: 0.6, hollow: true },
  reported: { label: 'Reported', dash: '10 4', opacity: 0.95, hollow: false },
  alleged: { label: 'Alleged', dash: '5 4', opacity: 0.95, hollow: false },
  denied: { label: 'Denied', dash: '2 4', opacity: 0.9, hollow: false },
  lapsed: { label: 'Lapsed', dash: '1 5', opacity: 0.45, hollow: false },
};
