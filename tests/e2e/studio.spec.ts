/**
 * The story studio (`?mode=studio`): open, edit beside the live map, never lose work, export.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DEFAULT = 'static/stories/russia-north-korea-2024';

/** Downloads the file behind a Publish button and returns its text. */
async function download(page: Page, which: 'story' | 'article' | 'presentation'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-download="${which}"]`).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const tab = (page: Page, name: string) => page.locator(`[data-tab="${name}"]`);

test('“Edit this story” opens the default story, which exports unchanged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('link', { name: 'Edit this story' }).click();
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  await expect(page).toHaveURL(/mode=studio#\/draft\//);
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  await tab(page, 'problems').click();
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  // A step is previewed on the map as it will be presented: the 1961 treaty's day.
  await tab(page, 'steps').click();
  await page.locator('[data-item="steps-0"]').click();
  await expect(page.locator('#map-date')).toHaveValue('1961-07-06');
  await tab(page, 'publish').click();
  expect(JSON.parse(await download(page, 'story'))).toEqual(JSON.parse(read(`${DEFAULT}.json`)));
  expect(await download(page, 'article')).toBe(read(`${DEFAULT}.txt`));
  expect(JSON.parse(await download(page, 'presentation'))).toEqual(
    JSON.parse(read(`${DEFAULT}.presentation.json`)),
  );
  expect(errors).toEqual([]);
});

/** Selects `text` in the studio's article, as a reader's drag would. */
async function selectInArticle(page: Page, text: string) {
  await page.locator('[data-article]').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const whole = nodes.map((n) => n.data).join('');
    const start = whole.indexOf(wanted);
    if (start < 0) throw new Error(`not in the article: ${wanted}`);
    const at = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
      throw new Error('past the end');
    };
    const [a, i] = at(start);
    const [b, j] = at(start + wanted.length);
    document.getSelection()!.setBaseAndExtent(a, i, b, j);
  }, text);
}

const NORDIC = read('tests/fixtures/nordic-baltic.txt');
const SLUG = 'finland-and-sweden-join-nato';

async function pasteArticle(page: Page) {
  await page.goto('/?mode=studio');
  await page.getByLabel('Article text').fill(NORDIC);
  await page.getByRole('button', { name: 'Start a story' }).click();
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
}

test('a story made from scratch with the studio loads in the app', async ({ page }) => {
  // A whole story, then the app and the presentation loaded: 13 s alone, twice that beside others.
  test.setTimeout(60_000);
  await pasteArticle(page);
  // Suggestions, from the story tools' generator: countries, NATO as a group with its members,
  // relations typed from their sentence's words (three sides in one), and the dates.
  await tab(page, 'suggestions').click();
  await expect(page.getByRole('button', { name: /^Add NATO with \d+ more$/ })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Add Estonia – Latvia – Lithuania: support' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: 'Add 7 March 2024: Sweden became the 32nd member on 7 March 2024.',
    }),
  ).toBeVisible();
  // Accept two countries, drop one, accept a relation (which brings its sides).
  await page.getByRole('button', { name: 'Add Finland', exact: true }).click();
  await page.getByRole('button', { name: 'Add Sweden', exact: true }).click();
  await page.getByRole('button', { name: 'Drop Hungary', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Add Hungary', exact: true })).toHaveCount(0);
  await expect(page.locator('.studio [data-actor="FIN"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add Russia → Ukraine: war', exact: true }).click();
  await expect(page.locator('.studio svg.map [data-relation="rus-ukr-war"]')).toBeVisible();

  // An actor typed by name.
  await tab(page, 'actors').click();
  await page.getByLabel('Add a country').fill('Eston');
  await page.getByRole('button', { name: 'Add Estonia' }).click();
  await expect(page.getByLabel('Name on the map')).toHaveValue('Estonia');
  await expect(page.locator('.studio [data-actor="EST"]').first()).toBeVisible();

  // A relation, with a passage made by selecting its words in the article.
  await tab(page, 'relations').click();
  await page.getByLabel('One side').selectOption('RUS');
  await page.getByLabel('Other side').selectOption('FIN');
  await page.getByRole('button', { name: 'Add relation' }).click();
  await page.locator('.item-form').getByLabel('Type').selectOption('criticism');
  await page.getByLabel('Short label').fill('threatened countermeasures');
  await page.getByLabel('One way (from → to)').check();
  const quote = 'Russia said it would take countermeasures.';
  await selectInArticle(page, quote);
  await page.getByRole('button', { name: /Quote the selection/ }).click();
  await expect(page.locator('.item-form blockquote')).toHaveText(quote);
  await expect(page.locator('.studio svg.map [data-relation="rus-fin"]')).toBeVisible();

  // Two steps: the whole map, then the relation selected.
  await tab(page, 'steps').click();
  await page.getByRole('button', { name: 'Add the map’s view as a step' }).click();
  await page.getByLabel('Title', { exact: true }).fill('The Nordic enlargement');
  await page.locator('.studio svg.map [data-relation="rus-fin"]').focus();
  await page.keyboard.press('Enter');
  await tab(page, 'steps').click();
  await page.getByRole('button', { name: 'Add the map’s view as a step' }).click();
  await expect(page.getByLabel('Highlighted relations (ids)')).toHaveValue('rus-fin');
  // Reordered with the keyboard.
  await page.locator('[data-item="steps-1"]').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('[data-item="steps-0"]')).toHaveText(/Step 2/);
  await expect(page.locator('[data-item="steps-0"]')).toBeFocused();

  await tab(page, 'problems').click();
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await tab(page, 'publish').click();
  const story = await download(page, 'story');
  const article = await download(page, 'article');
  const presentation = await download(page, 'presentation');
  expect(article).toBe(NORDIC);

  // The files, served where the app looks for them, open with ?story=.
  const files: Record<string, string> = {
    [`${SLUG}.json`]: story,
    [`${SLUG}.txt`]: article,
    [`${SLUG}.presentation.json`]: presentation,
  };
  await page.route('**/stories/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    return files[name] ? route.fulfill({ body: files[name] }) : route.continue();
  });
  await page.goto(`/?story=${SLUG}`);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await expect(page.locator('[data-actor="FIN"]').first()).toBeVisible();
  await expect(page.locator('[data-relation="rus-fin"]')).toHaveAttribute(
    'aria-label',
    /Russia → Finland: threatened countermeasures/,
  );
  await page.goto(`/?story=${SLUG}&mode=present#/step/2`);
  await expect(page.getByText('The Nordic enlargement')).toBeVisible();
});

test('a reload in the middle of an edit loses nothing, and the draft is listed', async ({
  page,
}) => {
  await pasteArticle(page);
  await tab(page, 'story').click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('');
  // Reloaded straight after the last key, without waiting for the save.
  await title.pressSequentially('Enlargement, reloaded');
  await page.reload();
  await tab(page, 'story').click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Enlargement, reloaded');
  await page.getByRole('button', { name: 'All drafts' }).click();
  await page.getByRole('button', { name: 'Enlargement, reloaded', exact: true }).click();
  await expect(page.locator('h1')).toContainText('Enlargement, reloaded');
});

test('undo and redo walk back and forth through every edit', async ({ page }) => {
  await pasteArticle(page);
  await tab(page, 'actors').click();
  await page.getByLabel('Add a country').fill('Finland');
  await page.getByRole('button', { name: 'Add Finland' }).click();
  await page.getByLabel('Name on the map').fill('Suomi');
  const map = page.locator('.studio [data-actor="FIN"]').first();
  await expect(map).toHaveAccessibleName(/^Suomi/);
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Name on the map')).toHaveValue('Finland');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Name on the map')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('Name on the map')).toHaveValue('Suomi');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name on the map')).toHaveValue('Finland');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByLabel('Name on the map')).toHaveValue('Suomi');
});

test('two tabs on one draft: the second save is refused and says why', async ({ page }) => {
  await pasteArticle(page);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.locator('[data-tab="story"]').click();
  await other.getByLabel('Title', { exact: true }).fill('Changed in the other tab');
  await expect(other.locator('[data-save="saved"]')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('changed in another tab');
  await page.getByRole('button', { name: 'Use the other tab’s version' }).click();
  await expect(page.locator('h1')).toContainText('Changed in the other tab');
  await tab(page, 'story').click();
  await page.getByLabel('Title', { exact: true }).fill('Mine again');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  await expect(other.getByRole('alert')).toContainText('changed in another tab');
});

test('a problem links to its field, and the map keeps the rest', async ({ page }) => {
  await page.goto(`/?story=russia-north-korea-2024&mode=studio`);
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  await page.locator('.studio [data-actor="RUS"]').first().click();
  await expect(page.getByLabel('Name on the map')).toHaveValue('Russia');
  await page.getByLabel('Marker longitude').fill('east');
  await tab(page, 'problems').click();
  await page.getByRole('button', { name: /actors\[\d+\] "RUS" → anchor/ }).click();
  await expect(page.getByLabel('Marker longitude')).toBeFocused();
  // Russia is left out while broken; North Korea is still drawn.
  await expect(page.locator('.studio [data-actor="PRK"]').first()).toBeVisible();
  await expect(page.locator('.studio [data-actor="RUS"]')).toHaveCount(0);
});

test('the studio has no accessibility violations', async ({ page }) => {
  test.setTimeout(90_000); // axe reads the whole map several times
  await page.goto('/?mode=studio');
  await expect(page.getByLabel('Article text')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByLabel('Article text').fill(NORDIC);
  await page.getByRole('button', { name: 'Start a story' }).click();
  await tab(page, 'suggestions').click();
  await page.getByRole('button', { name: 'Add Finland', exact: true }).click();
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  for (const name of ['suggestions', 'actors', 'story', 'publish']) {
    await tab(page, name).click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, name).toEqual([]);
  }
});

test('every tab of the studio, with an item open, has no accessibility violations', async ({
  page,
}) => {
  test.setTimeout(180_000); // ten scans: about 20 s on a quiet machine, 80 s on a busy one
  await page.goto('/?mode=studio&story=russia-north-korea-2024');
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  // The map, the article and the bar are the same on every tab (the test above scans them):
  // here, the forms each tab shows, and the dialog.
  const scan = (part = '.forms-area') => new AxeBuilder({ page }).include(part).analyze();
  for (const name of [
    'suggestions',
    'actors',
    'relations',
    'events',
    'spans',
    'steps',
    'story',
    'problems',
    'publish',
  ]) {
    await tab(page, name).click();
    const first = page.locator(`[data-item="${name}-0"]`);
    if (await first.count()) await first.click();
    expect((await scan()).violations, name).toEqual([]);
  }
  await page.getByRole('button', { name: 'Preview the presentation' }).click();
  await expect(page.getByRole('dialog', { name: 'Presentation preview' })).toBeVisible();
  // The frame's page is scanned as a reader meets it: once its first slide is up, not while the
  // frame is still an empty document loading the app.
  const frame = page.frameLocator('iframe[title^="Presentation preview"]');
  await expect(frame.locator('[data-step]').first()).toBeVisible({ timeout: 20_000 });
  expect((await scan('dialog')).violations, 'presentation preview').toEqual([]);
});

test('a story chosen as files exports unchanged', async ({ page }) => {
  await page.goto('/?mode=studio');
  await page
    .getByLabel('Choose files')
    .setInputFiles(['tests/fixtures/nordic-baltic.json', 'tests/fixtures/nordic-baltic.txt']);
  await expect(page.locator('h1')).toContainText('Finland and Sweden join NATO');
  await tab(page, 'publish').click();
  expect(JSON.parse(await download(page, 'story'))).toEqual(
    JSON.parse(read('tests/fixtures/nordic-baltic.json')),
  );
  expect(await download(page, 'article')).toBe(NORDIC);
});

test('at phone width the forms follow the map, without violations', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/?story=russia-north-korea-2024&mode=studio');
  await expect(page.locator('.studio svg.map[data-ready="true"]')).toBeVisible();
  const map = await page.locator('.map-area').boundingBox();
  const forms = await page.locator('.forms-area').boundingBox();
  const article = await page.locator('.article-area').boundingBox();
  expect(forms!.y).toBeGreaterThan(map!.y + map!.height - 1);
  expect(article!.y).toBeGreaterThan(forms!.y + forms!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('spans are edited like events, with their ends’ dates at their precision', async ({
  page,
}) => {
  await page.goto('/?mode=studio&story=russia-north-korea-2024');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  await tab(page, 'spans').click();
  await page.locator('[data-item="spans-2"]').click();
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue(
    '24 years between Putin’s visits',
  );
  // An end that is an event says which; one that is a date says how precisely it is known.
  await expect(page.locator('#f-story-spans-2-from-hint')).toContainText('The event');
  await page.getByRole('button', { name: 'Add a span' }).click();
  await page.getByLabel('Label', { exact: true }).fill('Talks on a new treaty');
  await page.getByLabel('From', { exact: true }).fill('2023-09');
  await expect(page.locator('#f-story-spans-5-from-hint')).toHaveText(
    'September 2023: known to the month.',
  );
  await page.getByLabel('Until', { exact: true }).fill('visit-2024');
  await tab(page, 'problems').click();
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await tab(page, 'publish').click();
  const story = JSON.parse(await download(page, 'story'));
  const original = JSON.parse(read(`${DEFAULT}.json`));
  expect(story.spans.slice(0, 5)).toEqual(original.spans);
  expect(story.spans[5]).toEqual({
    id: 'span',
    label: 'Talks on a new treaty',
    from: '2023-09',
    to: 'visit-2024',
  });
});

test('an actor’s roles and a relation’s statuses share one periods editor', async ({ page }) => {
  await page.goto('/?mode=studio&story=russia-north-korea-2024');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  await tab(page, 'relations').click();
  await page.locator('[data-item="relations-0"]').click();
  await expect(page.getByRole('heading', { name: 'Status over time' })).toBeVisible();
  const periods = page.getByRole('button', { name: /^Remove period \d+$/ });
  const before = await periods.count();
  await page.getByRole('button', { name: 'Add a period' }).click();
  await expect(periods).toHaveCount(before + 1);
  await page.getByRole('button', { name: `Remove period ${before + 1}` }).click();
  await expect(periods).toHaveCount(before);
  await tab(page, 'actors').click();
  await page.locator('[data-item="actors-0"]').click();
  await page.getByRole('button', { name: 'Add a role period' }).click();
  await expect(
    page.getByRole('button', { name: /^Remove role period \d+$/ }).first(),
  ).toBeVisible();
});

test('the presentation is previewed in the studio and stepped through', async ({ page }) => {
  await page.goto('/?mode=studio&story=russia-north-korea-2024');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  const address = page.url();
  await tab(page, 'steps').click();
  await page.locator('[data-item="steps-1"]').click();
  await page.getByRole('button', { name: 'Preview the presentation' }).click();
  const frame = page.frameLocator('iframe[title^="Presentation preview"]');
  const second = frame.getByRole('heading', {
    name: 'The Soviet Union collapses and the treaty fades',
  });
  // The frame loads the app, the studio's code and the map: allow for a busy machine.
  await expect(second).toBeVisible({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(
    frame.getByRole('heading', {
      name: "2000: Putin's first visit, a treaty without a defence clause",
    }),
  ).toBeVisible();
  // The keys a clicker sends work inside the frame.
  await page.keyboard.press('ArrowLeft');
  await expect(second).toBeVisible();
  // The dialog is the app's shared one: named by its title, and its × closes it.
  const dialog = page.getByRole('dialog', { name: 'Presentation preview' });
  await page.getByRole('button', { name: 'Close the preview' }).click();
  await expect(dialog).toBeHidden();
  // Escape closes it too, and focus goes back to the button that opened it.
  const open = page.getByRole('button', { name: 'Preview the presentation' });
  await open.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Show my latest edits' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  // An edit shows once asked for; the studio's own address never moved.
  await page.getByLabel('Title', { exact: true }).fill('After 1991');
  await page.getByRole('button', { name: 'Preview the presentation' }).click();
  await expect(frame.getByRole('heading', { name: 'After 1991' })).toBeVisible();
  expect(page.url()).toBe(address);
});
