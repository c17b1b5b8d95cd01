/**
 * The zoom code comes after the map is painted; a reader who turns the wheel or drags the map
 * before it has come must not lose that gesture. The zoom chunk is held back here until the
 * gesture has been made, so the test does not depend on how fast it loads.
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap } from './helpers';

/** Holds the zoom code's chunk until `release` is called. */
async function holdZoomCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/zoom-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const zoomable = (page: Page) => page.locator('svg.map[data-zoomable="true"]');
/** The countries' layer's move (translate x, y and scale) as drawn. */
const baseMove = (page: Page) =>
  page.locator('svg.map-base').evaluate((svg) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(svg).transform);
    return { x: m.e, y: m.f, k: m.a };
  });

test('a wheel turned before the zoom code has come zooms the map when it comes, and never scrolls the page', async ({
  page,
}) => {
  const release = await holdZoomCode(page);
  await openMap(page);
  await expect(zoomable(page)).toHaveCount(0);
  const box = (await page.locator('svg.map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(zoomable(page)).toHaveCount(0);
  release();
  await expect(zoomable(page)).toBeVisible();
  await expect
    .poll(async () => Number(await page.locator('svg.map').getAttribute('data-zoom-level')))
    .toBeGreaterThan(1.2);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a drag begun before the zoom code has come moves the map once it comes', async ({ page }) => {
  const release = await holdZoomCode(page);
  await openMap(page);
  const box = (await page.locator('svg.map').boundingBox())!;
  const start = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.8 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await expect(zoomable(page)).toHaveCount(0);
  release();
  await expect(zoomable(page)).toBeVisible();
  await expect(page.locator('svg.map[data-settled="true"]')).toBeVisible();
  const before = await baseMove(page);
  await page.mouse.move(start.x + 40, start.y + 20, { steps: 4 });
  await page.mouse.move(start.x + 80, start.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await baseMove(page)).x - before.x).toBeGreaterThan(60);
});
