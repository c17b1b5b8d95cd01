/**
 * How each kind of relation is drawn. Types and statuses are fixed by the schema, so the engine
 * may know them; colour always comes with a line style and a text label, never alone.
 */
import type { RelationTypeId, Status } from '../story/schema';

export interface TypeStyle {
  label: string;
  color: string;
  width: number;
}

/** Cooperation in warm reds and purples, pressure and conflict in blue-greens and greys. */
export const TYPE_STYLE: Record<RelationTypeId, TypeStyle> = {
  'mutual-defence': { label: 'Mutual-defence treaty', color: '#a50f15', width: 3.5 },
  'strategic-partnership': { label: 'Strategic partnership', color: '#cb4b16', width: 2.5 },
  'arms-transfer': { label: 'Arms transfer', color: '#7a3b00', width: 2 },
  support: { label: 'Technology / economic support', color: '#6a3d9a', width: 2 },
  alignment: { label: 'Political alignment', color: '#b5527a', width: 1.75 },
  sanctions: { label: 'Sanctions', color: '#005f73', width: 2 },
  'drills-tension': { label: 'Military drills / tension', color: '#0a6e3a', width: 2 },
  war: { label: 'War', color: '#1a1a1a', width: 3 },
  criticism: { label: 'Criticism', color: '#4a5a6a', width: 1.5 },
};

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
