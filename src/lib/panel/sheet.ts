/** The phone's bottom sheet (ReadingSheet.svelte): its heights and where a drag settles. */

/** The sheet's heights, as fractions of the screen's height. */
export const SHEET = { min: 0.15, open: 0.4, max: 0.88, step: 0.1 };

/** Where a dragged sheet settles: the nearest of its three heights. */
export function snapSheet(fraction: number): number {
  const stops = [SHEET.min, SHEET.open, SHEET.max];
  return stops.reduce((best, stop) =>
    Math.abs(stop - fraction) < Math.abs(best - fraction) ? stop : best,
  );
}

/** A height kept between the smallest and the largest. */
export function clampSheet(fraction: number): number {
  return Math.min(SHEET.max, Math.max(SHEET.min, fraction));
}

/** Whether the sheet counts as expanded (taller than where it opens), for aria-expanded. */
export function sheetExpanded(fraction: number): boolean {
  return fraction > SHEET.open + 0.05;
}
