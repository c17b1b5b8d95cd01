/** Shared steps for the browser tests: open the app and wait for the map to be drawn. */
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
