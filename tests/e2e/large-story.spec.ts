/**
 * A story the size of a real alliance dataset (bench/large-story.mjs: 174 actors, 3,000
 * relations, 1,000 events, 2,000 passages), as a reader meets it: a message saying how far the
 * load has come, then the map with every line; a click answered with a panel; the relations
 * table a page at a time with every row reachable. How long each takes is measured by
 * `npm run bench`, not here.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { largeStory } from '../../bench/large-story.mjs';
import { panel } from './helpers';

const SIZE = { slug: 'large', actors: 174, relations: 3000, events: 1000, passages: 2000 };
const { story, article } = largeStory(SIZE);
const body = JSON.stringify(story);
/** Long enough for a story this size on a busy machine: how long it takes is the bench's. */
const LOADED = { timeout: 60_000 };

async function openLarge(page: Page) {
  // Every text the loading message shows, in order, however briefly.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('#app [role="status"]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.route('**/stories/large.json', (route) =>
    route.fulfill({ body, contentType: 'application/json' }),
  );
  await page.route('**/stories/large.txt', (route) =>
    route.fulfill({ body: article, contentType: 'text/plain' }),
  );
  await page.goto('/?story=large');
}

test.describe.configure({ timeout: 120_000 });

test('a large story says how far its load has come, then draws every line', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openLarge(page);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible(LOADED);
  const seen = await page.evaluate(
    () => (window as unknown as { statusSeen: string[] }).statusSeen,
  );
  expect(seen).toEqual(expect.arrayContaining(['Checking the story…']));
  // Every relation is in force on the story's date and every side has a marker.
  await expect(page.locator('svg.map .hit[data-relation]')).toHaveCount(SIZE.relations, LOADED);
  await expect(page.locator('svg.map [data-marker][data-actor]')).toHaveCount(SIZE.actors);
  expect(errors).toEqual([]);
});

test('a click on an actor of a large story opens its panel and brings its lines forward', async ({
  page,
}) => {
  await openLarge(page);
  const marker = page.locator('svg.map [data-marker][data-actor]').first();
  await expect(marker).toBeVisible(LOADED);
  const id = await marker.getAttribute('data-actor');
  const actors = story.actors as { id: string; name: string }[];
  const name = actors.find((a) => a.id === id)?.name ?? '';
  await marker.click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(name);
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);
  // The lines brought forward are exactly the actor's own.
  const lit = page.locator('svg.map .hit.lit');
  await expect(lit.first()).toBeAttached();
  const sides = await lit.evaluateAll((hits) => hits.map((h) => h.getAttribute('aria-label')));
  const own = (story.relations as { from: string; to: string }[]).filter(
    (r) => r.from === id || r.to === id,
  );
  expect(sides).toHaveLength(own.length);
});

test('the relations table of a large story shows a page at a time, every row reachable', async ({
  page,
}) => {
  await openLarge(page);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible(LOADED);
  await page.locator('[data-relations-toggle]').click();
  const table = page.getByRole('table', { name: /Every relation in the story/ });
  await expect(table).toHaveAttribute('aria-rowcount', String(SIZE.relations + 1));
  await expect(table.locator('caption')).toContainText('rows 1–100 of 3,000');
  await expect(table.locator('tbody tr')).toHaveCount(100);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('aria-rowindex', '2');

  await page.getByRole('button', { name: 'Next 100' }).click();
  await expect(table.locator('caption')).toContainText('rows 101–200 of 3,000');
  await expect(table.getByRole('button', { name: /: relation 101$/ })).toBeVisible();

  // The last page holds the last relation; its button selects it on the map.
  await page.locator('[data-relations-page]').selectOption({ label: '30 of 30' });
  await expect(table.locator('caption')).toContainText('rows 2,901–3,000 of 3,000');
  await expect(table.locator('tbody tr').last()).toHaveAttribute('aria-rowindex', '3001');
  await expect(page.getByRole('button', { name: 'Next 100' })).toBeDisabled();
  await table.getByRole('button', { name: /: relation 3000$/ }).click();
  await expect(page.locator('svg.map [data-relation="r2999"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  const results = await new AxeBuilder({ page }).include('#relations-table').analyze();
  expect(results.violations).toEqual([]);
});

test('Home and End in the event strip go to the first and last of all its events', async ({
  page,
}) => {
  await openLarge(page);
  const strip = page.locator('ol.strip');
  await expect(strip.locator('[data-event-id]').first()).toBeVisible(LOADED);
  const count = (story.events as unknown[]).length;
  // The strip draws a window of the 1,000 events: its ends are not the story's.
  expect(await strip.locator('[data-event-id]').count()).toBeLessThan(count);
  const focused = strip.locator('li:has(> button:focus)');
  await strip.locator('button[tabindex="0"]').focus();
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('aria-posinset', String(count));
  await expect(focused.locator('button')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-posinset', '1');
  await expect(focused.locator('button')).toHaveAttribute('aria-current', 'true');
});
