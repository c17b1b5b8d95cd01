/**
 * Under forced colours (Windows high contrast) the page has two colours, so a role's colour
 * can't tell it apart. Each role then gets a pattern instead, the same on the map's countries
 * (SVG patterns in CountryLayer.svg.svelte) and in the key's swatches (CSS gradients, app.css).
 */

/** How many distinct patterns there are; a story with more roles reuses them in turn. */
export const ROLE_PATTERN_COUNT = 6;

/** The pattern of a role: its place among the story's roles, or undefined for no role. */
export function rolePattern(
  roles: readonly { id: string }[],
  roleId: string | undefined,
): number | undefined {
  const index = roles.findIndex((role) => role.id === roleId);
  return index < 0 ? undefined : index % ROLE_PATTERN_COUNT;
}
