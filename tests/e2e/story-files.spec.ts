import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap } from './helpers';

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

for (const [what, body] of [
  ['null', 'null'],
  ['a list', '[1, 2]'],
  ['a number', '42'],
] as const) {
  test(`a story file that is ${what} gives the error view, not “Loading the story…”`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/stories/odd.json', (route) =>
      route.fulfill({ body, contentType: 'application/json' }),
    );
    await page.goto('/?story=odd');
    await expect(page.getByRole('alert')).toContainText(
      `must be a JSON object with the story’s fields, not ${what}`,
    );
    expect(errors).toEqual([]);
  });
}

test('a quote that differs from the article shows the nearest passage with the difference marked', async ({
  page,
}) => {
  // Served under a name the build has not checked, so the browser validates it (with its article).
  const story = JSON.parse(file('static/stories/aukus-2021.json'));
  story.passages[0].quote = story.passages[0].quote.replace('2021', '2012');
  await page.route('**/stories/aukus-edited.json', (route) =>
    route.fulfill({ body: JSON.stringify(story), contentType: 'application/json' }),
  );
  await page.goto('/?story=aukus-edited');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'differs from the nearest passage at character 19 (the quote has "1" where the article has "2")',
  );
  await expect(alert.locator('pre')).toContainText('quote:    On 15 September 2012');
});

test('a draft says so in a banner', async ({ page }) => {
  const story = { ...JSON.parse(file('static/stories/aukus-2021.json')), draft: true };
  await page.route('**/stories/aukus-draft.json', (route) =>
    route.fulfill({ body: JSON.stringify(story), contentType: 'application/json' }),
  );
  await openMap(page, '/?story=aukus-draft');
  await expect(page.locator('[data-draft]')).toContainText('Draft:');
});

test('the example stories open without a draft banner or an error', async ({ page }) => {
  for (const slug of ['aukus-2021', 'sahel-alliance-2023']) {
    const errors = await openMap(page, `/?story=${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      JSON.parse(file(`static/stories/${slug}.json`)).title,
    );
    await expect(page.locator('[data-draft]')).toHaveCount(0);
    expect(errors).toEqual([]);
  }
});

for (const [date, side] of [
  ['0000-01-01', 'before'],
  ['9999-12-31', 'after'],
] as const) {
  test(`?date=${date} shows the story’s ${side === 'before' ? 'first' : 'last'} day with a notice`, async ({
    page,
  }) => {
    await openMap(page, `/?date=${date}`);
    const notice = page.getByRole('status').filter({ hasText: date });
    await expect(notice).toContainText(`${date} is ${side} this story’s timeline; showing`);
    // The map is drawn as of the day the notice names.
    const shown = /showing ([^.]+)\./.exec((await notice.textContent()) ?? '')?.[1];
    expect(shown).toBeTruthy();
    await expect(page.locator('[data-asof]')).toHaveText(shown!);
  });
}
