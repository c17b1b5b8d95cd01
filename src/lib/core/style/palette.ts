/**
 * The map's colour themes as a table: the ground the lines are drawn on (sea, land, page) and
 * the six relation hues, in the light, dark and high-contrast themes. `app.css` holds the same
 * values as CSS custom properties (a unit test keeps the two equal); the SVG strokes read them
 * through `var(--rel-<hue>)`, so a theme is a change of tokens, not of markup.
 *
 * Chosen by numbers (tests/unit/palette.test.ts): every line colour is at least `minLine`:1
 * (WCAG contrast) against the sea, the land and every role fill of the default story, and the
 * six hues stay apart (CIEDE2000) for normal vision and under simulated protanopia,
 * deuteranopia and tritanopia.
 */

/** Relation types that mean alike share a hue; width and the key's label tell them apart. */
export type RelationHue = 'defence' | 'partnership' | 'arms' | 'pressure' | 'war' | 'drills';
export const RELATION_HUES: readonly RelationHue[] = [
  'defence',
  'partnership',
  'arms',
  'pressure',
  'war',
  'drills',
];

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Palette {
  paper: string;
  ink: string;
  sea: string;
  land: string;
  relation: Record<RelationHue, string>;
  /** The least contrast a line colour must keep against sea, land and role fills. */
  minLine: number;
  /** The least contrast body text must keep against the page. */
  minText: number;
}

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    paper: '#ffffff',
    ink: '#1b1b1f',
    sea: '#eef3f6',
    land: '#dcd9d2',
    relation: {
      defence: '#8e1400',
      partnership: '#94139d',
      arms: '#6a5400',
      pressure: '#000a57',
      war: '#1a1a1a',
      drills: '#005e4a',
    },
    minLine: 3,
    minText: 4.5,
  },
  dark: {
    paper: '#16171b',
    ink: '#ecebe8',
    sea: '#1d2630',
    land: '#3a3c42',
    relation: {
      defence: '#ff8886',
      partnership: '#fec1ef',
      arms: '#efca48',
      pressure: '#37b7ff',
      war: '#f2f2f2',
      drills: '#00ecb1',
    },
    minLine: 3,
    minText: 4.5,
  },
  contrast: {
    paper: '#000000',
    ink: '#ffffff',
    sea: '#000000',
    land: '#1a1a1a',
    relation: {
      defence: '#f99498',
      partnership: '#d49fff',
      arms: '#ffe058',
      pressure: '#89d4d7',
      war: '#ffffff',
      drills: '#00f3a7',
    },
    minLine: 4.5,
    minText: 7,
  },
};

/**
 * How much of a role's colour a country's fill takes, the rest being land (the country layer's
 * `color-mix(in srgb, <role> 38%, var(--land))`); the contrast test mixes the same way.
 */
export const ROLE_FILL_SHARE = 0.38;

/** The CSS value a stroke uses for a hue: the theme's token, the light colour where none is set. */
export function relationPaint(hue: RelationHue): string {
  return `var(--rel-${hue}, ${PALETTES.light.relation[hue]})`;
}
