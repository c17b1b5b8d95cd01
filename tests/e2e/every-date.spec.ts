/**
 * True at every date, as a reader sees it: roles, statuses and wording follow the map's date,
 * dates are written at their own precision, and a relation of three sides is one object.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, openMap } from './helpers';

const story = JSON.parse(
  readFileSync(
    new URL('../../static/stories/russia-north-korea-2024.json', import.meta.url),
    'utf8',
  ),
) as { roles: { id: string; label: string; color: string }[] };
const role = (id: string) => story.roles.find((r) => r.id === id)!;
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const keyRoles = (page: Page) => page.getByRole('list', { name: 'Actors by role' });

test('in 1970 Poland is drawn and named as a Warsaw Pact member, not NATO, and the key fits 1970', async ({
  page,
}) => {
  await openMap(page, '/?date=1970-01-01');
  const poland = page.locator('[data-actor="POL"]');
  await expect(poland).toHaveAttribute('aria-label', /^Poland/);
  await expect(poland).not.toHaveAttribute('aria-label', /NATO/);
  await expect(poland).toHaveAttribute('aria-label', /Warsaw Pact/);
  await expect(poland).toHaveAttribute('data-groups', 'WP');
  await expect(poland).toHaveAttribute('fill', new RegExp(role('soviet-bloc').color, 'i'));
  await expect(poland).not.toHaveAttribute('fill', new RegExp(role('western-alliance').color, 'i'));
  for (const neutral of ['SWE', 'FIN'])
    await expect(page.locator(`[data-actor="${neutral}"]`)).not.toHaveAttribute(
      'data-groups',
      /NATO/,
    );
  await expect(keyRoles(page)).toContainText(role('soviet-bloc').label);
  await expect(keyRoles(page)).not.toContainText(role('pact-party').label);
  await expectNoAxeViolations(page);
});

test('on 20 July 2000 Ukraine is not "at war" and the key has no 2024 wording', async ({
  page,
}) => {
  await openMap(page, '/?date=2000-07-20');
  await expect(page.locator('[data-actor="UKR"]')).toHaveAttribute('aria-label', /^Ukraine/);
  await expect(page.locator('[data-actor="UKR"]')).not.toHaveAttribute('aria-label', /war/i);
  await expect(keyRoles(page)).not.toContainText(role('at-war').label);
  await expect(keyRoles(page)).not.toContainText(role('pact-party').label);
  await expect(keyRoles(page)).toContainText(role('russia-dprk').label);
});

test('the 2024 pact is signed on 20 June 2024 and in force on 5 December 2024', async ({
  page,
}) => {
  await openMap(page, '/?date=2024-06-20');
  const pact = page.locator('[data-relation="pact-2024"]');
  await expect(pact).toHaveAttribute('data-status', 'signed');
  await expect(pact).toHaveAttribute('aria-label', /signed, not yet in force/);
  await expect(page.getByRole('list', { name: 'Relation status' })).toContainText(
    'Signed, not yet in force',
  );
  await openMap(page, '/?date=2024-12-05');
  await expect(pact).toHaveAttribute('data-status', 'in-force');
});

test('the trilateral drills are one relation naming all three sides', async ({ page }) => {
  await openMap(page, '/?date=2024-06-20');
  const drills = page.locator('[data-relation^="drills-"]');
  await expect(drills).toHaveCount(1);
  await expect(drills).toHaveAttribute('data-relation', 'drills-usa-jpn-kor');
  await expect(drills).toHaveAttribute(
    'aria-label',
    /^United States, Japan and South Korea: enhanced trilateral military drills/,
  );
  await drills.dispatchEvent('click');
  await expect(page).toHaveURL(/#\/relation\/drills-usa-jpn-kor$/);
  await expect(page.locator('[data-panel] h2')).toHaveText(
    'United States, Japan and South Korea: enhanced trilateral military drills',
  );
});

test('dates known to the month or year are written so, never as a first of the month', async ({
  page,
}) => {
  await openMap(page);
  const month = page.locator('time[datetime="2022-09"]').first();
  await expect(month).toHaveText('September 2022');
  await page.locator('[data-relations-toggle]').click();
  const row = page.locator('tr', { has: page.locator('[data-select-relation="tension-prk-kor"]') });
  await expect(row).toContainText('2024 onwards');
  for (const text of await page.locator('time').allTextContents())
    expect(text).not.toMatch(/^1 (January|September) (2022|2024)$/);
  await expect(page.locator('table')).not.toContainText('1 January 2024');
});

test('the Quad fixture runs through the same code: four sides, partial dates, a planned step', async ({
  page,
}) => {
  await page.route('**/stories/quad-indo-pacific.json', (route) =>
    route.fulfill({ body: fixture('quad-indo-pacific.json'), contentType: 'application/json' }),
  );
  await page.route('**/stories/quad-indo-pacific.txt', (route) =>
    route.fulfill({ body: fixture('quad-indo-pacific.txt'), contentType: 'text/plain' }),
  );
  const errors = await openMap(page, '/?story=quad-indo-pacific&date=2020-10-25');
  await expect(page.locator('[data-relation="malabar"]')).toHaveAttribute('data-status', 'planned');
  const quad = page.locator('[data-relation="quad"]');
  await expect(quad).toHaveCount(1);
  await expect(quad).toHaveAttribute('aria-label', /^United States, Japan, India and Australia/);
  await expect(page.locator('time[datetime="2007-05"]').first()).toHaveText('May 2007');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});
