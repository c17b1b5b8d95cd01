import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap, panel } from './helpers';

const story = JSON.parse(
  readFileSync(
    new URL('../../static/stories/russia-north-korea-2024.json', import.meta.url),
    'utf8',
  ),
) as {
  actors: { id: string; passages: string[] }[];
};

test('a deep link opens that actor, relation or event', async ({ page }) => {
  await openMap(page, '/#/actor/PRK');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('North Korea');
  await page.goto('/#/event/visit-2024');
  await expect(panel(page).getByRole('heading', { level: 2 })).toContainText('Putin');
});

test('a long panel shows all its passages and its timeline, not only its first screen', async ({
  page,
}) => {
  const russia = new Set(story.actors.find((a) => a.id === 'RUS')!.passages);
  expect(russia.size).toBeGreaterThan(2);
  await openMap(page);
  await page.locator('[data-marker][data-actor="RUS"]').click();
  await expect(panel(page).locator('blockquote')).toHaveCount(russia.size);
  await expect(panel(page).getByRole('heading', { name: 'Timeline' })).toBeAttached();
  // Switching to another long panel replaces the whole list, not only its first screen.
  await page.locator('[data-marker][data-actor="PRK"]').click();
  const northKorea = new Set(story.actors.find((a) => a.id === 'PRK')!.passages);
  await expect(panel(page).locator('blockquote')).toHaveCount(northKorea.size);
});

test('back and forward walk through the selections', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-actor="RUS"]').click();
  // As a reader does, each panel is seen before the next click (the address writes a selection
  // a frame after it, so two clicks in one frame are one Back step).
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Russia');
  await expect(page).toHaveURL(/#\/actor\/RUS$/);
  await page.locator('[data-actor="CHN"]').click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('China');
  await expect(page).toHaveURL(/#\/actor\/CHN$/);
  await page.goBack();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Russia');
  await page.goBack();
  await expect(panel(page)).toHaveCount(0);
  await page.goForward();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Russia');
});

test('an unknown id or route gives the whole map and a short notice', async ({ page }) => {
  const errors = await openMap(page, '/#/actor/XYZ');
  await expect(page.getByRole('status').filter({ hasText: 'XYZ' })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  await page.goto('/?date=not-a-date&mode=wobble#/nonsense');
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not a date' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the keyboard reaches the map, walks the actors and opens one; Escape returns focus', async ({
  page,
}) => {
  await openMap(page);
  const markers = page.locator('[data-marker]');
  await markers.first().focus();
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-actor'));
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-actor'));
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
  const name = await panel(page).getByRole('heading', { level: 2 }).textContent();
  expect(await page.locator(`[data-actor="${second}"]`).getAttribute('aria-label')).toMatch(
    new RegExp(`^${name}`),
  );
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-actor'))).toBe(
    second,
  );
});

test('the map is one Tab stop; R from an actor reaches its relations, and Enter opens one', async ({
  page,
}) => {
  await openMap(page);
  // The whole page's stops: with the parts under the map not yet loaded, 25 Tabs went round the
  // page and came back to the map (a flaky second marker stop under load).
  await expect(page.locator('.timeline')).toBeVisible();
  const stops: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const kind = await page.evaluate(() =>
      document.activeElement?.hasAttribute('data-marker')
        ? 'marker'
        : document.activeElement?.hasAttribute('data-relation')
          ? 'relation'
          : 'other',
    );
    stops.push(kind);
  }
  expect(stops.filter((k) => k === 'marker')).toHaveLength(1);
  expect(stops).not.toContain('relation');
  await page.locator('[data-actor="RUS"]').focus();
  await page.keyboard.press('r');
  expect(
    await page.evaluate(() => document.activeElement?.getAttribute('data-relation')),
  ).toBeTruthy();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAttribute('data-kind', 'relation');
});

test('on a phone the panel is a bottom sheet and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMap(page, '/#/actor/PRK');
  const box = await panel(page).boundingBox();
  expect(box!.y + box!.height).toBeCloseTo(844, -1);
  expect(box!.width).toBeCloseTo(390, -1);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await panel(page).getByRole('button', { name: 'Close the panel' }).click();
  await expect(panel(page)).toHaveCount(0);
});
