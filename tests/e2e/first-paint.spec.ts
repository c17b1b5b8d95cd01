/**
 * The first paint: the built index.html itself shows the story's title, standfirst and a
 * picture of the start view, and the live page replaces it in the same place without a shift.
 */
import { expect, test, type Page } from '@playwright/test';

test('before any script runs, the page shows the title, the standfirst and a picture of the map', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia and North Korea: a Cold War pact revived',
  );
  await expect(page.locator('#first-paint .dek')).toContainText('Pyongyang');
  const picture = page.getByRole('img', { name: /^Map: Russia and North Korea/ });
  await expect(picture).toBeVisible();
  const box = (await picture.boundingBox())!;
  expect(box.width).toBeGreaterThan(600);
  expect(box.height).toBeGreaterThan(300);
  // Countries of the story's actors in their roles' colours, and a marker for each actor.
  expect(await picture.locator('path[fill]').count()).toBeGreaterThan(3);
  expect(await picture.locator('circle, rect').count()).toBeGreaterThanOrEqual(8);
  await context.close();
});

/** Boxes of the title and the map, rounded to the pixel. */
async function frame(page: Page, root: string) {
  const round = (b: { x: number; y: number; width: number; height: number } | null) =>
    b && [b.x, b.y, b.width, b.height].map(Math.round);
  return {
    title: round(await page.locator(`${root} h1`).boundingBox()),
    map: round(await page.locator(`${root} .map-area`).boundingBox()),
  };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px the live page replaces the first paint in the same place, without a layout shift`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[])
          shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the app's script back until the first paint has been measured.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    // Each screen sees the picture framed for it: a portrait crop on the phone.
    const fit = viewport.width <= 720 ? 'narrow' : 'wide';
    await expect(page.locator(`#first-paint .first-paint-map.${fit}`)).toBeVisible();
    await expect(page.locator('#first-paint .first-paint-map:visible')).toHaveCount(1);
    // Measured as the reader sees it: once the page's stylesheet applies (it sets no body margin).
    await page.waitForFunction(() => getComputedStyle(document.body).marginLeft === '0px');
    const first = await frame(page, '#first-paint');
    release();
    await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
    await expect(page.locator('#first-paint')).toHaveCount(0);
    // The title stays where it was; the map box too, unless the key stands above it.
    const live = await frame(page, '#app');
    expect(live.title).toEqual(first.title);
    expect(live.map![2]).toEqual(first.map![2]);
    // Let the page settle (the timeline's strip, the panel's chunk), then add up the shifts.
    await expect(page.locator('[data-start]')).toBeVisible();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual(
      [],
    );
  });
}
