import { expect, test } from '@playwright/test';
import { ARTICLE, openMap, panel } from './helpers';

test('the map draws every actor the article names, each a focusable control with its name', async ({
  page,
}) => {
  const errors = await openMap(page);
  for (const [id, name] of [
    ['RUS', 'Russia'],
    ['PRK', 'North Korea'],
    ['KOR', 'South Korea'],
    ['JPN', 'Japan'],
    ['CHN', 'China'],
    ['IRN', 'Iran'],
    ['UKR', 'Ukraine'],
    ['USA', 'United States'],
    ['NATO', 'NATO'],
    ['UNSC', 'UN Security Council'],
  ]) {
    const marker = page.locator(`[data-actor="${id}"]`);
    await expect(marker).toHaveCount(1);
    // The full name, after the shorter one where the map shows that ("S. Korea: South Korea, …").
    await expect(marker).toHaveAttribute('aria-label', new RegExp(`(^|^[^:,]+: )${name}`));
    await expect(marker).toHaveAttribute('tabindex', /^(0|-1)$/);
  }
  expect(errors).toEqual([]);
});

test('markers of the tiny Korean states are separate targets at least 24 px wide', async ({
  page,
}) => {
  await openMap(page);
  const boxes = await Promise.all(
    ['PRK', 'KOR'].map((id) => page.locator(`[data-actor="${id}"] circle.hit`).boundingBox()),
  );
  for (const box of boxes) expect(box!.width).toBeGreaterThanOrEqual(24);
  const [a, b] = boxes.map((box) => box!);
  expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThanOrEqual(24);
});

test('NATO members carry the group at the story date, Finland and Sweden included', async ({
  page,
}) => {
  await openMap(page);
  await expect(page.locator('[data-actor="FIN"]')).toHaveAttribute('data-groups', 'NATO');
  await expect(page.locator('[data-actor="SWE"]')).toHaveAttribute('data-groups', 'NATO');
  await expect(page.locator('[data-actor="USA"]')).toHaveAttribute('data-groups', 'NATO');
  await expect(page.locator('[data-actor="JPN"]')).not.toHaveAttribute('data-groups', /NATO/);
});

test('relations are drawn with their status and a name that gives both sides', async ({ page }) => {
  await openMap(page);
  const arms = page.locator('[data-relation="arms-prk-rus"]');
  await expect(arms).toHaveAttribute('data-status', 'alleged');
  await expect(arms).toHaveAttribute(
    'aria-label',
    /^North Korea → Russia: alleged arms transfers \(denied\)/,
  );
  await expect(page.locator('[data-relation="treaty-1961"]')).toHaveAttribute(
    'data-status',
    'lapsed',
  );
  await expect(page.locator('[data-relation="pact-2024"]')).toHaveAttribute(
    'aria-label',
    /Russia ↔ North Korea/,
  );
});

test('clicking Russia opens the panel with the article’s own words about it', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-actor="RUS"]').click();
  const region = panel(page);
  await expect(region).toBeVisible();
  await expect(region.getByRole('heading', { level: 2 })).toHaveText('Russia');
  await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
  const quotes = region.locator('blockquote');
  // The heading and first passage come first, the other passages a frame later.
  await expect.poll(() => quotes.count()).toBeGreaterThan(3);
  for (const text of await quotes.allTextContents()) expect(ARTICLE).toContain(text.trim());
  await expect(quotes.locator('mark').first()).toBeVisible();
  expect(await quotes.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Putin']));
  await expect(page).toHaveURL(/#\/actor\/RUS$/);
});

test('the pact’s timeline runs from the 1961 treaty to its entry into force, with the 24-year gap computed', async ({
  page,
}) => {
  await openMap(page, '/#/relation/pact-2024');
  const region = panel(page);
  await expect(region.getByRole('heading', { level: 2 })).toHaveText(/Russia ↔ North Korea/);
  const times = region.locator('[data-event] time');
  await expect(times.first()).toHaveAttribute('datetime', '1961-07-06');
  await expect(times.last()).toHaveAttribute('datetime', '2024-12-04');
  const datetimes = await times.evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  expect(datetimes).toEqual(expect.arrayContaining(['2000-07-19', '2024-06-19']));
  const gap = region.locator('[data-span="gap-24-years"]');
  await expect(gap).toContainText('23 years and 11 months');
  await expect(gap).toContainText('about 24 years');
});

test('a correction sits beside the passage that simplifies: the container figure', async ({
  page,
}) => {
  await openMap(page, '/#/relation/arms-prk-rus');
  const passage = panel(page).locator('figure', {
    has: page.locator('blockquote', { hasText: '11,000 shipping containers' }),
  });
  await expect(passage.locator('[data-note]')).toContainText(/10,000/);
});

test('“Show in article” opens the whole article at the passage, highlighted', async ({ page }) => {
  await openMap(page, '/#/actor/PRK');
  const first = panel(page).locator('blockquote').first();
  const quote = (await first.textContent())!.trim();
  await panel(page).getByRole('button', { name: 'Show in article' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('mark[data-current]')).toHaveText(quote);
  await expect(dialog.locator('mark[data-current]')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel(page)).toBeVisible();
});

test('selecting dims what is unrelated', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-actor="IRN"]').click();
  await expect(page.locator('[data-actor="JPN"]')).toHaveClass(/dimmed/);
  await expect(page.locator('[data-actor="RUS"]')).not.toHaveClass(/dimmed/);
});

test('hovering an actor shows a tooltip with its name and role', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-actor="CHN"]').hover();
  await expect(page.locator('.tooltip')).toContainText('China');
});

test('clicking one marker after another keeps the tooltip of the one under the pointer', async ({
  page,
}) => {
  await openMap(page);
  await page.locator('[data-marker][data-actor="RUS"]').click();
  await page.locator('[data-marker][data-actor="CHN"]').click();
  await expect(page.locator('.tooltip')).toContainText('China');
});

test('a click that does not move the map never turns the countries into a moving picture', async ({
  page,
}) => {
  await openMap(page);
  await page.evaluate(() => {
    const frame = document.querySelector('.map-frame')!;
    (window as unknown as { moved: boolean }).moved = false;
    new MutationObserver(() => {
      if (frame.classList.contains('zooming'))
        (window as unknown as { moved: boolean }).moved = true;
    }).observe(frame, { attributes: true, attributeFilter: ['class'] });
  });
  await page.locator('[data-marker][data-actor="PRK"]').click();
  await expect(page.locator('[data-panel] h2')).toHaveText('North Korea');
  expect(await page.evaluate(() => (window as unknown as { moved: boolean }).moved)).toBe(false);
});

test('zoom buttons zoom the map and load the detailed outlines when close', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('svg.map')).toHaveAttribute('data-detail', '110m');
  for (let i = 0; i < 3; i++) await page.locator('button[data-zoom="in"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('data-detail', '50m');
  await page.locator('button[data-zoom="reset"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('data-detail', '110m');
});

test('zoomed out, the map shows the world beyond the start view’s frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(page);
  // One click: a second, made while the first one's transition runs, starts another, and the
  // outlines take no hits while the map moves.
  await page.locator('button[data-zoom="out"]').click();
  await expect(page.locator('svg.map[data-settled="true"]')).toHaveAttribute(
    'data-zoom-level',
    /^0\./,
  );
  await expect(page.locator('.map-frame.zooming')).toHaveCount(0);
  // Points of the map outside the start view's box, now scaled down in its middle: countries are
  // drawn there too (the layer of outlines used to stop at its own box, leaving an empty margin).
  const outside = await page.evaluate(() => {
    const frame = document.querySelector('.map-frame')!.getBoundingClientRect();
    const base = document.querySelector('svg.map-base')!.getBoundingClientRect();
    let points = 0;
    let countries = 0;
    for (let x = frame.left + 4; x < frame.right; x += 12)
      for (let y = frame.top + 4; y < frame.bottom; y += 12) {
        if (x >= base.left && x <= base.right && y >= base.top && y <= base.bottom) continue;
        points++;
        if (document.elementsFromPoint(x, y).some((e) => e.matches('svg.map-base path.country')))
          countries++;
      }
    return { points, countries };
  });
  expect(outside.points).toBeGreaterThan(100);
  // Land at some of them; none when it stopped at its box.
  expect(outside.countries).toBeGreaterThan(10);
});

test('the detailed outlines are fetched once, however long the reader zooms and pans', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('countries-50m')) fetched.push(request.url());
  });
  await openMap(page);
  for (let i = 0; i < 3; i++) await page.locator('button[data-zoom="in"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('data-detail', '50m');
  const box = (await page.locator('.map-frame').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x + 120, centre.y, { steps: 8 });
  await page.mouse.up();
  for (let i = 0; i < 2; i++) await page.locator('button[data-zoom="in"]').click();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((url) => url.endsWith('.json'))).toHaveLength(1);
});

test('the world’s outlines download while the story file is still on its way', async ({ page }) => {
  const order: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('countries-110m')) order.push('world requested');
  });
  // The story as the build checked it (stories/<slug>.<hash>.json), not its reading texts
  // (<slug>.<hash>.texts.json), which come after the map and were counted here once.
  await page.route(/\/stories\/russia-north-korea-2024\.\w+\.json$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push('story answered');
    await route.continue();
  });
  await openMap(page);
  expect(order).toEqual(['world requested', 'story answered']);
});

test('nothing is requested from any other origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${baseURL}/`) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  await openMap(page);
  await page.locator('[data-actor="RUS"]').click();
  for (let i = 0; i < 3; i++) await page.locator('button[data-zoom="in"]').click();
  await expect(page.locator('svg.map')).toHaveAttribute('data-detail', '50m');
  expect(foreign).toEqual([]);
});

for (const [width, height] of [
  [768, 1024],
  [900, 700],
] as const)
  test(`on a ${width} px screen the map takes the page's width, the key above it and the panel straight under it, in the page's order too`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openMap(page);
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const stage = await box('.stage');
    const map = await box('.map-area');
    expect(map.width).toBeGreaterThan(stage.width - 2);
    expect((await box('.legend')).y).toBeLessThan(map.y);
    // Whatever the panel shows: the start panel, then a selection's passages, above the timeline.
    for (const open of [null, 'PRK'] as const) {
      if (open) await page.locator(`[data-marker][data-actor="${open}"]`).click();
      const reading = await box(open ? '[data-panel]' : '[data-start]');
      expect(reading.y).toBeGreaterThanOrEqual(map.y + map.height);
      expect(reading.y).toBeLessThan((await box('.timeline')).y);
      // Read on, or Tab on, from the map: the panel comes next, then the timeline.
      const order = await page.evaluate(
        (selectors) =>
          selectors.map((selector) => {
            const element = document.querySelector(selector)!;
            return [...document.querySelectorAll('*')].indexOf(element);
          }),
        ['.map-area', open ? '[data-panel]' : '[data-start]', '.timeline'],
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect((await box('.panel-wrap')).width).toBeGreaterThan(stage.width - 2);
    // Its heading in view under the map: a tap on the map shows its answer without a scroll.
    await expect(panel(page).locator('h2')).toBeInViewport();
  });

/**
 * The panel comes after the map in the page's order at every width (beside it on a wide screen,
 * under it on a tablet): turning a tablet, or resizing the window, across the two layouts keeps
 * the panel as it was, the same element with the focus in it, not one built anew.
 */
test('across the wide and the tablet layouts the reading panel stays the same, the focus in it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(page, '/#/actor/CHN');
  const close = panel(page).getByRole('button', { name: 'Close the panel' });
  await expect(panel(page).locator('.panel-timeline')).toBeVisible();
  await panel(page).evaluate((element) => ((element as HTMLElement).dataset['mark'] = 'kept'));
  await close.focus();
  for (const width of [900, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(close).toBeFocused();
    await expect(panel(page)).toHaveAttribute('data-mark', 'kept');
  }
});
