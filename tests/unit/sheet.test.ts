/** The phone's bottom sheet: where a drag settles, how far it may go, when it counts as expanded. */
import { describe, it, expect } from 'vitest';
import { clampSheet, sheetExpanded, SHEET, snapSheet } from '../../src/lib/panel/sheet';

describe('the bottom sheet', () => {
  it.each([
    [0, SHEET.min],
    [0.2, SHEET.min],
    [0.3, SHEET.open],
    [0.4, SHEET.open],
    [0.6, SHEET.open],
    [0.7, SHEET.max],
    [1, SHEET.max],
  ])('dragged to %f of the screen, settles at %f', (dragged, settled) => {
    expect(snapSheet(dragged)).toBe(settled);
  });

  it.each([
    [-1, SHEET.min],
    [0.1, SHEET.min],
    [0.5, 0.5],
    [0.95, SHEET.max],
  ])('resized to %f, is kept at %f', (asked, kept) => {
    expect(clampSheet(asked)).toBe(kept);
  });

  it('opens between 35 % and 45 % of the screen, not expanded', () => {
    expect(SHEET.open).toBeGreaterThanOrEqual(0.35);
    expect(SHEET.open).toBeLessThanOrEqual(0.45);
    expect(sheetExpanded(SHEET.open)).toBe(false);
    expect(sheetExpanded(SHEET.max)).toBe(true);
    expect(sheetExpanded(SHEET.min)).toBe(false);
  });
});
