/**
 * The printed handout, printed the way a browser prints it (Ctrl+P): `page.pdf()` straight
 * away, with no switch to print media first and no script run in between.
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap, panel } from './helpers';

/** The number of pages of a PDF made by Chromium (its page objects are written uncompressed). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Opens the page at a selection and waits for all it prints (the whole panel, the strip). */
async function openForPrint(page: Page, hash: string) {
  await openMap(page, `/${hash}`);
  await expect(page.locator('.strip li').first()).toBeAttached();
  if (hash) await expect(panel(page).locator('.panel-timeline')).toBeAttached();
}

const SELECTIONS = ['', '#/actor/PRK', '#/actor/RUS', '#/relation/pact-2024'];
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];

for (const screen of SCREENS) {
  test(`printed from a ${screen.width} px screen, the handout is at most two A4 pages at every selection`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    for (const hash of SELECTIONS) {
      await openForPrint(page, hash);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pageCount(pdf), `pages printed with "${hash}"`).toBeGreaterThanOrEqual(1);
      expect(pageCount(pdf), `pages printed with "${hash}"`).toBeLessThanOrEqual(2);
    }
  });
}

test('printed after both downloads, the handout is still at most two pages', async ({ page }) => {
  await openForPrint(page, '#/actor/PRK');
  for (const name of ['Download SVG', 'Download PNG']) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  }
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeEnabled();
  expect(pageCount(await page.pdf({ format: 'A4' }))).toBeLessThanOrEqual(2);
});

test('the handout holds the map, the timeline, the key, the passages and the source, and no control', async ({
  page,
}) => {
  await openForPrint(page, '#/actor/PRK');
  await page.pdf({ format: 'A4' });
  // What the printed pages showed, checked in the print media they were laid out in.
  await page.emulateMedia({ media: 'print' });
  for (const part of [
    'svg.map',
    '.timeline .bands',
    '.legend',
    '[data-panel] blockquote',
    '.credit',
  ])
    await expect(page.locator(part).first(), part).toBeVisible();
  await expect(page.locator('.strip')).toContainText('Putin in Pyongyang');
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="toolbar"]')]
      // The strip's events print as a list of dates and titles, the key's toggles as its entries.
      .filter(
        (el) => !el.closest('.strip, .legend') && el.checkVisibility({ visibilityProperty: true }),
      )
      .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName),
  );
  expect(shown).toEqual([]);
});
