/** Shared steps for the browser tests: open the app and wait for the map to be drawn; scan with axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const ARTICLE = readFileSync(
  new URL('../../static/stories/russia-north-korea-2024.txt', import.meta.url),
  'utf8',
);

/** Opens a URL of the app and waits until the map is drawn; page errors fail the test. */
export async function openMap(page: Page, url = '/'): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  return errors;
}

export const panel = (page: Page) => page.locator('[data-panel]');

/**
 * Runs axe on the page (narrowed or configured by `scope`) and expects no violations, each
 * reported as its rule and the first few elements it names.
 */
export async function expectNoAxeViolations(
  page: Page,
  scope: (axe: AxeBuilder) => AxeBuilder = (axe) => axe,
): Promise<void> {
  const results = await scope(new AxeBuilder({ page })).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}
