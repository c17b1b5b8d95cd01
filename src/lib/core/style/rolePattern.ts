/**
 * Under forced colours (Windows high contrast) the page has two colours, so a role's colour
 * can't tell it apart. Each role then gets a pattern instead, the same on the map's countries
 * (SVG patterns in CountryLayer.svg.svelte) and in the key's swatches (CSS gradients, app.css).
 */

/**
 * The patterns' shapes in a 6 × 6 tile: dots, rows, columns, a grid, a back-diagonal (the NATO
 * hatch runs the other way), large dots. A dot is its radius; a line is its path.
 */
export const ROLE_PATTERNS: readonly ({ dot: number } | { path: string })[] = [
  { dot: 1 },
  { path: 'M0 3h6' },
  { path: 'M3 0v6' },
  { path: 'M0 3h6M3 0v6' },
  { path: 'M0 0l6 6' },
  { dot: 2 },
];

/** How many distinct patterns there are; a story with more roles reuses them in turn. */
export const ROLE_PATTERN_COUNT = ROLE_PATTERNS.length;

/** The pattern of a role: its place among the story's roles, or undefined for no role. */
export function rolePattern(
  roles: readonly { id: string }[],
  roleId: string | undefined,
): number | undefined {
  const index = roles.findIndex((role) => role.id === roleId);
  return index < 0 ? undefined : index % ROLE_PATTERN_COUNT;
}
