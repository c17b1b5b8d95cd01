/**
 * The story studio (`?mode=studio`): open, edit beside the live map, never lose work, export.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DEFAULT = 'static/stories/russia-north-korea-2024';

/** Downloads the file behind a Publish button and returns its text. */
async function download(page: Page, which: 'story' | 'article' | 'presentation'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-download="${which}"]`).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const tab = (page: Page, name: string) => page.locator(`[data-tab="${name}"]`);

test('“Edit this story” opens the default story, which exports unchanged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('link', { name: 'Edit this story' }).click();
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  await expect(page).toHaveURL(/mode=studio#\/draft\//);
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  await tab(page, 'problems').click();
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await tab(page, 'publish').click();
  expect(JSON.parse(await download(page, 'story'))).toEqual(JSON.parse(read(`${DEFAULT}.json`)));
  expect(await download(page, 'article')).toBe(read(`${DEFAULT}.txt`));
  expect(JSON.parse(await download(page, 'presentation'))).toEqual(
    JSON.parse(read(`${DEFAULT}.presentation.json`)),
  );
  expect(errors).toEqual([]);
});
