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

/**
 * Holds the app's script back until `release()` is called, so the first paint can be looked at
 * (and clicked) on its own.
 */
async function holdAppScript(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Records the page's layout shifts from its start, as CLS counts them (not those input made). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
      }[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const shifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);

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
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px the live page replaces the first paint in the same place, without a layout shift`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await recordShifts(page);
    // Hold the app's script back until the first paint has been measured.
    const release = await holdAppScript(page);
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
    // The title and the map stay where they were: the first paint's picture of the key takes
    // the live key's lines (four at 1280 px, one closed line at 1024, none above the phone's map).
    const live = await frame(page, '#app');
    expect(live.title).toEqual(first.title);
    expect(live.map).toEqual(first.map);
    // Let the page settle (the timeline's strip, the panel's chunk), then add up the shifts.
    await expect(page.locator('[data-start]')).toBeVisible();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    expect(await shifts(page)).toEqual([]);
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px a marker clicked on the first paint, before the app has come, is answered at once and opens in the app`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // As CLS counts them: the panel's answer to the click itself moves its heading down by the
    // role line, a change the reader asked for (hadRecentInput).
    await recordShifts(page);
    // The app's script is held back until the picture has answered the click.
    const release = await holdAppScript(page);
    await page.goto('/', { waitUntil: 'commit' });
    const panel = page.locator('#first-paint [data-panel]');
    // The start panel's introduction is in the first paint (the first screen's largest text).
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('How to read this map');
    await expect(panel).toContainText('Select a country, a group or a line');
    await page.waitForFunction(() => getComputedStyle(document.body).marginLeft === '0px');
    // The early pick's script is a file of its own (no inline script): wait until it listens.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /first-paint\.\w+\.js$/.test(e.name)),
    );
    const marker = page.locator('#first-paint .first-paint-map:visible [data-actor="RUS"]');
    const box = (await marker.boundingBox())!;
    // A finger's tap a few pixels off the 12 px marker still picks it.
    await page.mouse.click(box.x + box.width / 2 + 6, box.y + box.height / 2 - 4);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Russia');
    await expect(panel).toContainText(/parties to the 2024 pact/i);
    expect(await page.locator('svg.map').count()).toBe(0);
    const early = (await panel.getByRole('heading', { level: 2 }).boundingBox())!;

    release();
    await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
    await expect(page.locator('#first-paint')).toHaveCount(0);
    const heading = page.locator('[data-panel] h2');
    await expect(heading).toHaveText('Russia');
    await expect(page).toHaveURL(/#\/actor\/RUS$/);
    if (viewport.width > 720) {
      // The app's heading takes the early one's place.
      const live = (await heading.boundingBox())!;
      expect(Math.abs(live.x - early.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(live.y - early.y)).toBeLessThanOrEqual(2);
    }
    expect(await shifts(page)).toEqual([]);
  });
}

test('a click on the first paint away from any marker picks nothing, and the app opens on the start panel', async ({
  page,
}) => {
  const release = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => /first-paint\.\w+\.js$/.test(e.name)),
  );
  const picture = page.locator('#first-paint .first-paint-map:visible');
  const box = (await picture.boundingBox())!;
  // The bottom right corner of the picture: sea, far from the markers.
  await page.mouse.click(box.x + box.width - 10, box.y + box.height - 10);
  await expect(page.locator('#first-paint [data-panel] h2')).toHaveText('How to read this map');
  release();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await expect(page.locator('[data-start]')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});

test('the first paint’s key lists what the live key lists, closed where the live key starts closed', async ({
  page,
}) => {
  const release = await holdAppScript(page);
  await page.goto('/', { waitUntil: 'commit' });
  const early = page.locator('#first-paint .first-paint-key p');
  await expect(early).toBeVisible();
  const entries = await early.locator('> span').allInnerTexts();
  release();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  const body = page.locator('[data-key] .body');
  await expect(body).toBeVisible();
  const live = await body.locator('li, summary').evaluateAll((items) =>
    items.map((item) =>
      [...item.childNodes]
        .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  );
  expect(entries).toEqual(live);
  // Under 600 px of key (beside the panel at 1024 px) both start closed, on one line. The app's
  // script held again: the first paint stands until it comes.
  await page.unrouteAll();
  const releaseAgain = await holdAppScript(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('#first-paint .first-paint-key .shut')).toBeVisible();
  await expect(page.locator('#first-paint .first-paint-key p')).toBeHidden();
  await expect(page.locator('#first-paint .first-paint-key .open')).toBeHidden();
  releaseAgain();
});

test('a click on a marker of the picture while the live map’s own start-up task runs selects that actor', async ({
  page,
}) => {
  // A slow device: the task that draws the live map (and used to replace the picture at its
  // end) runs long, and the reader's click on the picture comes in the middle of it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('svg.map[data-ready="true"]')) return;
      observer.disconnect();
      console.log('map task');
      const until = performance.now() + 800;
      while (performance.now() < until);
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  const release = await holdAppScript(page);
  const mapTask = page.waitForEvent('console', (message) => message.text() === 'map task');
  await page.goto('/', { waitUntil: 'commit' });
  const marker = page.locator('#first-paint .first-paint-map:visible [data-actor="RUS"]');
  const box = (await marker.boundingBox())!;
  release();
  await mapTask;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(page.locator('[data-panel] h2')).toHaveText('Russia');
  await expect(page).toHaveURL(/#\/actor\/RUS$/);
});
