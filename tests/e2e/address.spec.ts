/**
 * The address: Back and Forward restore exactly the view they left (selection, event, date,
 * presentation), and history is written a few times at most, however fast the reader moves.
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap, panel } from './helpers';

/** Counts the page's history writes, from before its first script runs. */
async function countHistoryWrites(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counted = window as unknown as { historyWrites: number };
    counted.historyWrites = 0;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[name];
      History.prototype[name] = function (
        this: History,
        ...args: Parameters<History['pushState']>
      ) {
        counted.historyWrites++;
        return original.apply(this, args);
      };
    }
  });
  return () => page.evaluate(() => (window as unknown as { historyWrites: number }).historyWrites);
}

/**
 * What the reader sees: the address, the panel's heading, the map's date, the step showing and
 * the relations the emphasis dims.
 */
async function view(page: Page) {
  const heading = panel(page).getByRole('heading', { level: 2 });
  const progress = page.locator('.caption [data-progress]');
  return {
    url: page.url().replace(/^https?:\/\/[^/]+/, ''),
    panel: (await heading.count()) ? await heading.textContent() : null,
    date: await page.locator('time[data-asof], .stage-map time').first().getAttribute('datetime'),
    step: (await progress.count()) ? await progress.textContent() : null,
    dimmed: await page
      .locator('.relations.fading [data-relation]:not(.lit)')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-relation')).sort()),
  };
}

/** Goes back, then forward, checking each restores the view it returns to. */
async function expectBackAndForward(page: Page, before: object, after: object) {
  await page.goBack();
  await expect.poll(() => view(page)).toEqual(before);
  await page.goForward();
  await expect.poll(() => view(page)).toEqual(after);
}

const asOf = (page: Page) => page.locator('[data-asof]');

test('Back and Forward after a selection restore the panel before and after it', async ({
  page,
}) => {
  await openMap(page, '/#/actor/RUS');
  // The reading panel comes in its own chunk: read the view once it stands.
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  const before = await view(page);
  await page.locator('[data-marker][data-actor="CHN"]').click();
  await expect(page).toHaveURL(/#\/actor\/CHN$/);
  await expectBackAndForward(page, before, await view(page));
  expect(before.panel).toBe('Russia');
});

test('Back after choosing a timeline event restores the date and the selection before it, unchanged', async ({
  page,
}) => {
  await openMap(page, '/#/actor/RUS');
  // The reading panel comes in its own chunk: read the view once it stands.
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  const before = await view(page);
  await page.locator('[data-event-id="treaty-1961-signed"]').click();
  await expect(asOf(page)).toHaveAttribute('datetime', '1961-07-06');
  await expect(page).toHaveURL(/\/#\/event\/treaty-1961-signed$/);
  // The panel is redrawn for the event: read the view once it stands again.
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  const after = await view(page);
  await expectBackAndForward(page, before, after);
  expect(before).toMatchObject({ url: '/#/actor/RUS', date: '2024-06-19', panel: 'Russia' });
});

test('Back after a date change restores the date before it; Forward the new one', async ({
  page,
}) => {
  await openMap(page, '/#/actor/PRK');
  // The reading panel comes in its own chunk: read the view once it stands.
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  const before = await view(page);
  const slider = page.locator('[data-timeline="slider"]');
  await slider.focus();
  await slider.press('Home');
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}#\/actor\/PRK$/);
  const after = await view(page);
  expect(after.date).not.toBe(before.date);
  await expectBackAndForward(page, before, after);
});

test('Back leaves the presentation for the page it started from; Forward returns to its step', async ({
  page,
}) => {
  await openMap(page, '/#/actor/RUS');
  // The reading panel comes in its own chunk: read the view once it stands.
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  const before = await view(page);
  await page.locator('[data-present]').click();
  await expect(page.locator('.caption [data-progress]')).toContainText('1 /');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\?mode=present#\/step\/2$/);
  const presenting = await view(page);
  await page.goBack();
  await expect(page.locator('.caption')).toHaveCount(0);
  await expect.poll(() => view(page)).toEqual(before);
  await page.goForward();
  await expect.poll(() => view(page)).toEqual(presenting);
});

test('Back after leaving the presentation returns to its step; Forward to the page', async ({
  page,
}) => {
  await openMap(page, '/?mode=present#/step/3');
  const presenting = await view(page);
  await page.getByRole('button', { name: 'Exit' }).click();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await expect(page).not.toHaveURL(/mode=|#/);
  const after = await view(page);
  expect(after.step).toBeNull();
  await expectBackAndForward(page, presenting, after);
});

test('150 presses on the date slider write history at most 10 times', async ({ page }) => {
  const writes = await countHistoryWrites(page);
  await openMap(page);
  const slider = page.locator('[data-timeline="slider"]');
  await slider.focus();
  for (let i = 0; i < 150; i++) await page.keyboard.press('ArrowLeft');
  const day = await slider.inputValue();
  expect(Number(day)).toBeGreaterThan(0);
  const shown = await asOf(page).getAttribute('datetime');
  await expect(page).toHaveURL(new RegExp(`\\?date=${shown}$`));
  expect(await writes()).toBeLessThanOrEqual(10);
});
