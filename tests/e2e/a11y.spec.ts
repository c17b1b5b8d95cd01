import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, openMap, panel } from './helpers';

for (const [name, url, setup] of [
  ['the full page', '/', null],
  ['the page with a panel open', '/#/relation/pact-2024', null],
  ['present mode', '/?mode=present#/step/2', null],
  ['embed mode', '/?mode=embed#/actor/PRK', null],
  ['dark mode', '/#/actor/RUS', async (page: Page) => page.emulateMedia({ colorScheme: 'dark' })],
  [
    'a 320 px wide screen',
    '/#/actor/KOR',
    async (page: Page) => page.setViewportSize({ width: 320, height: 640 }),
  ],
] as const) {
  test(`axe finds no violations on ${name}`, async ({ page }) => {
    if (setup) await setup(page);
    await openMap(page, url);
    await expectNoAxeViolations(page);
  });
}

test('a keyboard alone reaches an actor, walks its relations and opens the relations table', async ({
  page,
}) => {
  await openMap(page);
  let onMarker = false;
  for (let i = 0; i < 20 && !onMarker; i++) {
    await page.keyboard.press('Tab');
    onMarker = await page.evaluate(
      () => document.activeElement?.hasAttribute('data-marker') ?? false,
    );
  }
  expect(onMarker).toBe(true);
  for (let i = 0; i < 30; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-actor'))) === 'PRK')
      break;
    await page.keyboard.press('ArrowRight');
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-actor'))).toBe('PRK');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('North Korea');
  await page.locator('[data-actor="PRK"]').focus();
  await page.keyboard.press('r');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(first).toMatch(/North Korea/);
  await page.keyboard.press('r');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(second).toMatch(/North Korea/);
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAttribute('data-kind', 'relation');

  const toggle = page.locator('[data-relations-toggle]');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveCount(5);
  await table.locator('[data-select-relation="pact-2024"]').focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(
    'Russia ↔ North Korea',
  );
});

test('the relations table is in the accessibility tree even when not shown', async ({ page }) => {
  await openMap(page);
  const story = JSON.parse(
    readFileSync(
      new URL('../../static/stories/russia-north-korea-2024.json', import.meta.url),
      'utf8',
    ),
  ) as { relations: unknown[] };
  await expect(page.getByRole('table')).toHaveCount(1);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(story.relations.length + 1);
});

/** The map's zoom level, as its `data-zoom-level` says. */
const zoomLevel = async (page: Page) =>
  Number(await page.locator('svg.map').getAttribute('data-zoom-level'));

test('+, − and 0 zoom the map from the keyboard', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-marker]').first().focus();
  const start = await zoomLevel(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start * 2, 1);
  await page.keyboard.press('-');
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start, 1);
  // Two quick presses zoom as far as two slow ones, then 0 goes back to the story's view.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start * 4, 1);
  await page.keyboard.press('0');
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start, 1);
});

test('keys pressed before the zoom code has arrived zoom once it has, every one of them', async ({
  page,
}) => {
  // The zoom code is fetched after the first paint: hold it back until the reader has pressed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/zoom-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openMap(page);
  const start = await zoomLevel(page);
  await page.locator('[data-marker]').first().focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.locator('button[data-zoom="in"]')).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start * 4, 1);
});

test('a zoom reaches its level when the map changes size on the way', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('button[data-zoom="in"]')).toHaveAttribute('aria-disabled', 'false');
  const start = await zoomLevel(page);
  await page.locator('button[data-zoom="in"]').click();
  await page.setViewportSize({ width: 1240, height: 790 });
  await expect.poll(() => zoomLevel(page)).toBeCloseTo(start * 2, 1);
});

test('the skip link moves focus past the map without a notice', async ({ page }) => {
  await openMap(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip the map' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#after-map')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'does not match' })).toHaveCount(0);
});

test('selection changes are announced in a polite live region', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-actor="CHN"]').click();
  await expect(page.locator('[data-announcer]')).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('[data-announcer]')).toContainText('Selected: China');
});

test('a slow map shows progress, says so after 10 s and retries', async ({ page }) => {
  await page.clock.install();
  let hold = true;
  await page.route('**/countries-110m*.json', async (route) => {
    if (hold) return; // never answered: the request hangs
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the map' })).toBeVisible();
  await page.clock.runFor(10_500);
  const alert = page.getByRole('alert').filter({ hasText: 'more than 10 seconds' });
  await expect(alert).toBeVisible();
  hold = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
});

test('controls are touch targets of at least 24 px, or have an equivalent that is (WCAG 2.5.8)', async ({
  page,
}) => {
  await openMap(page, '/#/actor/RUS');
  // The relations table (each arc's equivalent) comes right after the map is painted.
  await expect(page.locator('[data-select-relation]').first()).toBeAttached();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, [role="button"], a, input')]
      .filter(
        (el) =>
          (!(el as HTMLElement).closest('.visually-hidden, [hidden]') &&
            (el as HTMLElement).offsetParent !== null) ||
          el instanceof SVGElement,
      )
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ el, box }) => ({
        name: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`,
        shape: el.classList.contains('actor-shape'),
        inline: el instanceof HTMLAnchorElement && getComputedStyle(el).display === 'inline',
        relation: el.getAttribute('data-relation'),
      })),
  );
  // Three exceptions of WCAG 2.5.8, each for its own kind of target and nothing else:
  // - a country's shape is as small as the country ("essential": its size and place are the
  //   information, as the criterion's Understanding document says of places on a map);
  // - an arc is thin, and has an equivalent: the relations table's button for the relation.
  const failing: string[] = [];
  for (const target of small) {
    // A link in a line of text is as tall as the line ("inline").
    if (target.shape || target.inline) continue;
    if (
      target.relation &&
      (await page.locator(`[data-select-relation="${target.relation}"]`).count())
    )
      continue;
    failing.push(target.name);
  }
  expect(failing).toEqual([]);
});

for (const [width, height] of [
  [320, 640],
  [640, 400],
] as const) {
  test(`nothing is lost or scrolls sideways at ${width} px (reflow, 200% zoom)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openMap(page, '/#/actor/PRK');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(panel(page).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.locator('[data-timeline="slider"]')).toBeVisible();
  });
}

test('very long and right-to-left names keep the layout intact', async ({ page }) => {
  const story = JSON.parse(
    readFileSync(new URL('../fixtures/nordic-baltic.json', import.meta.url), 'utf8'),
  );
  story.actors[0].name =
    'The Extraordinarily Long-Named Democratic Federal Republic of Somewhere Quite Far Away Indeed';
  story.actors[1].name = 'جمهورية فنلندا الديمقراطية';
  story.title = `${story.title} ${'with a very long title '.repeat(6)}`;
  await page.route('**/stories/long-names.json', (route) =>
    route.fulfill({ body: JSON.stringify(story), contentType: 'application/json' }),
  );
  await page.route('**/stories/nordic-baltic.txt', (route) =>
    route.fulfill({
      body: readFileSync(new URL('../fixtures/nordic-baltic.txt', import.meta.url), 'utf8'),
      contentType: 'text/plain',
    }),
  );
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const errors = await openMap(page, `/?story=long-names#/actor/${story.actors[0].id}`);
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(story.actors[0].name);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const heading = await panel(page).getByRole('heading', { level: 2 }).boundingBox();
    const box = await panel(page).boundingBox();
    expect(heading!.x + heading!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    expect(errors).toEqual([]);
  }
});

test('a thousand selections in a row and repeated resizing cause no error', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await openMap(page);
  await page.evaluate(async () => {
    const ids = ['RUS', 'PRK', 'CHN', 'USA', 'KOR', 'JPN', 'IRN', 'UKR', 'NATO'];
    for (let i = 0; i < 1000; i++) {
      document
        .querySelector<SVGElement>(`[data-actor="${ids[i % ids.length]}"]`)
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      if (i % 50 === 0) await new Promise(requestAnimationFrame);
    }
  });
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(/\S/);
  for (let i = 0; i < 12; i++) {
    const width = 320 + ((i * 137) % 1200);
    await page.setViewportSize({ width, height: 480 + ((i * 71) % 500) });
    // The page has been laid out at the new size.
    await expect.poll(() => page.evaluate(() => innerWidth)).toBe(width);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('[data-actor="RUS"]').click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Russia');
  expect(errors).toEqual([]);
});

for (const width of [320, 390, 1280])
  test(`every marker's accessible name holds the name it shows on the map, at ${width} px (label in name)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await openMap(page);
    await expect(page.locator('svg.map text.label').first()).toBeVisible();
    const markers = await page.locator('svg.map [data-marker]').evaluateAll((all) =>
      all
        .map((m) => ({
          shown: m.querySelector('text.label')?.textContent ?? '',
          name: m.getAttribute('aria-label') ?? '',
        }))
        .filter((m) => m.shown),
    );
    expect(markers.length).toBeGreaterThan(5);
    for (const { shown, name } of markers)
      expect(name.startsWith(shown), `${shown} / ${name}`).toBe(true);
  });
