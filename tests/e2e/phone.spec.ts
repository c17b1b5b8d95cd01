/** On a phone (390×844) the map stays in view: a bottom sheet below it, shortcuts under it. */
import { expect, test, type Page } from '@playwright/test';
import { openMap, panel } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const sheet = (page: Page) => page.locator('.panel-wrap.sheet');
const handle = (page: Page) => page.getByRole('button', { name: 'Reading panel height' });

/** The share of the map's height on screen and not covered by the sheet (0 to 1). */
async function mapVisible(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = document.querySelector('.map-area')!.getBoundingClientRect();
    const cover = document.querySelector('.panel-wrap.sheet')?.getBoundingClientRect().top;
    const bottom = Math.min(map.bottom, cover ?? innerHeight, innerHeight);
    const top = Math.max(map.top, 0);
    return Math.max(0, bottom - top) / map.height;
  });
}

/** The sheet's height as a share of the screen's. */
async function sheetShare(page: Page): Promise<number> {
  const box = await sheet(page).boundingBox();
  return box!.height / 844;
}

/** Waits until the page stops scrolling (a smooth scroll has ended). */
async function scrollSettled(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const y = scrollY;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY === y)));
          }),
      ),
    )
    .toBe(true);
}

test('a shared link to an actor opens the sheet at 35–45 % of the screen and leaves at least 40 % of the map in view', async ({
  page,
}) => {
  await openMap(page, '/#/actor/RUS');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Russia');
  await expect(sheet(page)).toHaveCSS('position', 'fixed');
  const share = await sheetShare(page);
  expect(share).toBeGreaterThanOrEqual(0.35);
  expect(share).toBeLessThanOrEqual(0.45);
  await scrollSettled(page);
  expect(await mapVisible(page)).toBeGreaterThanOrEqual(0.4);
});

test('the sheet’s handle is a button that resizes it by keyboard and says whether it is expanded', async ({
  page,
}) => {
  await openMap(page, '/#/actor/PRK');
  await expect(handle(page)).toHaveAttribute('aria-expanded', 'false');
  const start = await sheetShare(page);
  await handle(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => sheetShare(page)).toBeGreaterThan(start + 0.05);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => sheetShare(page)).toBeLessThan(start - 0.05);
  await page.keyboard.press('End');
  await expect(handle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => sheetShare(page)).toBeGreaterThan(0.8);
  await page.keyboard.press('Enter');
  await expect(handle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => sheetShare(page)).toBeCloseTo(start, 1);
});

test('dragging the handle down lowers the sheet, and it settles at the nearest height', async ({
  page,
}) => {
  await openMap(page, '/#/actor/PRK');
  await scrollSettled(page);
  const box = (await handle(page).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 100, { steps: 5 });
  await page.mouse.move(x, 844 - 0.16 * 844, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => sheetShare(page)).toBeCloseTo(0.15, 1);
  await expect(panel(page)).toBeVisible();
  await expect(handle(page)).toHaveAttribute('aria-expanded', 'false');
});

test('the “Start with” shortcuts sit right under the map, and tapping one keeps the map in view', async ({
  page,
}) => {
  await openMap(page);
  const map = (await page.locator('.map-area').boundingBox())!;
  const startWith = page.getByRole('heading', { name: 'Start with' });
  const heading = (await startWith.boundingBox())!;
  expect(heading.y).toBeGreaterThan(map.y + map.height);
  // Under the map come the how-to lines and then the shortcuts, before the timeline and the key.
  expect(heading.y - (map.y + map.height)).toBeLessThan(260);
  const key = (await page.getByRole('heading', { name: 'Key' }).boundingBox())!;
  expect(heading.y).toBeLessThan(key.y);

  await page
    .locator('[data-start]')
    .getByRole('button', { name: 'North Korea', exact: true })
    .tap();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('North Korea');
  // The page scrolls the map into view once the panel's answer has been painted.
  await expect.poll(() => mapVisible(page)).toBeGreaterThanOrEqual(0.9);
  await scrollSettled(page);
  expect(await mapVisible(page)).toBeGreaterThanOrEqual(0.9);
});

test('downloads and the embed code wait in a “More” menu, not above the map', async ({ page }) => {
  await openMap(page);
  const more = page.getByRole('button', { name: 'More', exact: true });
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Download PNG', 'Download SVG', 'Embed'])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await more.click();
  await expect(page.getByRole('button', { name: 'Download PNG' })).toBeHidden();
});

/**
 * Iran's relations reach Russia, North Korea and China: their markers and Iran's must fill the
 * part of the map the reader sees above the sheet. The sheet's text, the scroll and the framing
 * each take a frame or more: this waits for the picture they end in.
 */
async function expectIranFramedAboveSheet(page: Page) {
  const fill = () =>
    page.evaluate(() => {
      const map = document.querySelector('.map-area')!.getBoundingClientRect();
      const cover = document.querySelector('.panel-wrap')!.getBoundingClientRect().top;
      const room = { top: Math.max(map.top, 0), bottom: Math.min(map.bottom, cover) };
      const dots = ['IRN', 'RUS', 'PRK', 'CHN'].map((id) =>
        document.querySelector(`[data-marker][data-actor="${id}"] .dot`)!.getBoundingClientRect(),
      );
      const xs = dots.map((d) => d.x + d.width / 2);
      const ys = dots.map((d) => d.y + d.height / 2);
      const inside =
        ys.every((y) => y > room.top && y < room.bottom) &&
        xs.every((x) => x > map.left && x < map.right);
      const width = (Math.max(...xs) - Math.min(...xs)) / map.width;
      const height = (Math.max(...ys) - Math.min(...ys)) / (room.bottom - room.top);
      return { inside, fills: Math.max(width, height) >= 0.6 };
    });
  await expect.poll(fill).toEqual({ inside: true, fills: true });
}

test('a selection is framed in the room the sheet leaves above it, filling it', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page);
  await page.locator('[data-marker][data-actor="IRN"] .dot').tap();
  await expect(sheet(page)).toBeVisible();
  await expectIranFramedAboveSheet(page);
});

test('a tap before the reading code and the timeline have come scrolls and frames the same', async ({
  page,
}) => {
  // Held back, the page below the map is short: the sheet's place must still let it scroll.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/(afterMap|reading)[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page);
  await page.locator('[data-marker][data-actor="IRN"] .dot').tap();
  await expect(page.getByText('Loading the passages…')).toBeVisible();
  await expectIranFramedAboveSheet(page);
  await expect.poll(() => mapVisible(page)).toBeGreaterThanOrEqual(0.55);
  release();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Iran');
  await expectIranFramedAboveSheet(page);
});
