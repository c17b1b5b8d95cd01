/**
 * The story studio (`?mode=studio`): open, edit beside the live map, never lose work, export.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { anchors, storyShape } from './story-shape';

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

async function pasteArticle(page: Page) {
  await page.goto('/?mode=studio');
  await page.getByLabel('Article text').fill(NORDIC);
  await page.getByRole('button', { name: 'Start a story' }).click();
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
}

/**
 * What a person does in the from-scratch test, counted as they do it: clicks (and choices in a
 * list, ticks), characters typed, and stretches of text selected with the mouse. The figures
 * are attached to the test's results for the timing model (scripts/story/timing.ts).
 */
class Person {
  clicks = 0;
  typed = 0;
  fields = 0;
  selections = 0;
  constructor(private page: Page) {}
  async click(target: Locator) {
    this.clicks++;
    await target.click();
  }
  async fill(target: Locator, text: string) {
    this.fields++;
    this.typed += text.length;
    await target.fill(text);
  }
  async choose(target: Locator, value: string | { label: string }) {
    this.clicks += 2; // open the list, pick
    await target.selectOption(value);
  }
  /** Drags over `text` in the article, then presses “Quote the selection”. */
  async quote(text: string) {
    this.selections++;
    await selectInArticle(this.page, text);
    await this.click(this.page.getByRole('button', { name: /^Quote the selection for/ }));
    await expect(this.page.locator('.item-form blockquote', { hasText: text })).toBeVisible();
  }
}

const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

/** The actors and the relations' spoken names a reader's map shows for the story at `slug`. */
async function mapOf(page: Page, slug: string) {
  await page.goto(`/?story=${slug}`);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  const actors = await page
    .locator('svg.map [data-actor]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-actor')))].sort());
  const relations = await page
    .locator('svg.map path.hit[data-relation]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort());
  return { actors, relations };
}

test('a story made from scratch with the studio matches the second test story', async ({
  page,
}, info) => {
  // About 150 actions and a reload, then the app twice: a minute alone, more beside others.
  test.setTimeout(240_000);
  const person = new Person(page);
  const started = Date.now();
  await pasteArticle(page);
  person.fields++;
  person.typed += 1; // pasting the article: one shortcut, not its letters
  person.clicks++;

  // 1. Accept the countries the story keeps, in its order, then NATO with only those members.
  // The one war the article names is suggested between its two sides, not among all five.
  await person.click(tab(page, 'suggestions'));
  await expect(
    page.getByRole('button', { name: 'Add Russia → Ukraine: war', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Add .*: war/ })).toHaveCount(1);
  await person.click(page.getByRole('button', { name: 'Drop Latvia', exact: true }));
  await expect(page.getByRole('button', { name: 'Add Latvia', exact: true })).toHaveCount(0);
  for (const name of ['Finland', 'Sweden', 'Estonia', 'Hungary', 'Russia'])
    await person.click(page.getByRole('button', { name: `Add ${name}`, exact: true }));
  await person.click(
    page.getByRole('button', { name: 'Add NATO with only the members in the story' }),
  );
  await expect(page.locator('.studio [data-actor="NATO"]').first()).toBeVisible();

  // 2. The story: its details, roles, sources and the note on the last ratifications.
  await person.click(tab(page, 'story'));
  await person.fill(
    page.getByLabel('Standfirst'),
    'A small second story used by the tests: the Nordic enlargement of NATO in 2023–2024.',
  );
  // The story opens at the latest date the article gives, not at today.
  await expect(page.getByLabel('Date of the story')).toHaveValue('2024-03-07');
  await person.fill(page.getByLabel('File name', { exact: true }), 'nordic-baltic');
  await person.fill(page.getByLabel('Author'), 'Test fixture');
  // The article's and the presentation's files follow the story's new name.
  await expect(page.getByLabel('Article file name')).toHaveValue('nordic-baltic.txt');
  await person.fill(
    page.getByLabel('Credit line'),
    'Text written for the tests. Dates: NATO. Map: Natural Earth via world-atlas.',
  );
  await person.fill(
    page.getByLabel('Map note'),
    'Borders follow Natural Earth, which draws them as controlled on the ground; not an endorsement of any claim.',
  );
  await person.click(page.getByRole('button', { name: 'Add a role' }));
  const roles: [string, string, string?][] = [
    ['New members', '#005b8e', 'Finland and Sweden.'],
    ['The alliance and earlier members', '#008662'],
    ['Russia', '#c05500'],
  ];
  for (const [i, [label, colour, who]] of roles.entries()) {
    await person.fill(field(page, `story.roles.${i}.label`), label);
    await person.fill(field(page, `story.roles.${i}.color`), colour);
    if (who) await person.fill(field(page, `story.roles.${i}.description`), who);
  }
  await person.click(page.getByRole('button', { name: 'Add a source' }));
  await person.click(page.getByRole('button', { name: 'Add a source' }));
  await person.fill(field(page, 'story.sources.0.id'), 'article');
  await person.fill(field(page, 'story.sources.0.label'), 'The test text');
  await person.fill(field(page, 'story.sources.1.id'), 'nato');
  await person.fill(
    field(page, 'story.sources.1.label'),
    'NATO: member countries and accession dates',
  );
  await person.click(page.getByRole('button', { name: 'Add a note' }));
  await person.fill(
    field(page, 'story.notes.0.text'),
    'Turkey and Hungary were the last members to ratify Sweden’s accession; Sweden joined on 7 March 2024.',
  );
  await person.fill(field(page, 'story.notes.0.sources'), 'article, nato');
  await person.click(page.getByRole('checkbox', { name: /^Turkey's parliament approved/ }));

  // Reloaded in the middle, straight after the last edit: the work goes on where it was.
  await page.reload();
  await person.click(tab(page, 'story'));
  await expect(page.getByLabel('Map note')).toHaveValue(/^Borders follow Natural Earth/);
  await expect(page.getByRole('checkbox', { name: /^Turkey's parliament approved/ })).toBeChecked();

  // 3. The actors: the words that name them, roles, and NATO's details and membership dates.
  await person.click(tab(page, 'actors'));
  const actors: [string, string, string?][] = [
    ['Finland', 'Finland'],
    ['Sweden', 'Sweden'],
    ['Estonia', 'Estonia', 'The alliance and earlier members'],
    ['Hungary', 'Hungary', 'The alliance and earlier members'],
    ['Russia', 'Russia', 'Russia'],
    ['NATO', 'NATO'],
  ];
  for (const [i, [name, alias, role]] of actors.entries()) {
    await person.click(page.locator(`[data-item="actors-${i}"]`));
    await expect(page.getByLabel('Name on the map')).toHaveValue(name);
    await person.fill(page.getByLabel('Other words that name it'), alias);
    if (role) await person.choose(page.getByLabel('Role', { exact: true }), { label: role });
  }
  await expect(page.getByLabel('Official name')).toHaveValue('');
  await person.fill(page.getByLabel('Official name'), 'North Atlantic Treaty Organization');
  await person.fill(page.getByLabel('Marker place'), 'Brussels (NATO headquarters)');
  await person.fill(page.getByLabel('Summary'), 'Only the members this story names are listed.');
  await person.fill(field(page, 'story.actors.5.members.0.from'), '1999');
  await person.fill(field(page, 'story.actors.5.members.1.from'), '2004');

  // 4. The relations, each with its words quoted from the article by selecting them.
  await person.click(tab(page, 'relations'));
  const relations = [
    {
      sides: ['FIN', 'SWE'],
      type: 'alignment',
      label: 'applied to join NATO together',
      directed: false,
      from: '2022-05-18',
      status: 'in-force',
      mentions: 'applied, together',
      quote:
        "Finland and Sweden applied to join NATO together in May 2022, after Russia's full-scale invasion of Ukraine ended their long-standing military non-alignment.",
    },
    {
      sides: ['HUN', 'SWE'],
      type: 'support',
      label: 'parliament approves Sweden’s accession',
      directed: true,
      from: '2024-02-26',
      status: 'in-force',
      mentions: 'accession, parliament',
      quote:
        "Turkey's parliament approved Sweden's accession in January 2024, and Hungary's parliament followed on 26 February 2024.",
    },
    {
      sides: ['EST', 'FIN'],
      type: 'support',
      label: 'supports the enlargement',
      directed: true,
      from: '2022-05',
      status: 'in-force',
      mentions: 'enlargement',
      quote:
        'Estonia, Latvia and Lithuania, members since 2004, strongly supported the enlargement.',
    },
    {
      sides: ['RUS', 'NATO'],
      type: 'criticism',
      label: 'threatens countermeasures',
      directed: true,
      from: '2023-04-04',
      status: 'reported',
      mentions: 'countermeasures',
      quote: 'Russia said it would take countermeasures.',
    },
  ];
  for (const [i, r] of relations.entries()) {
    const at = `story.relations.${i}`;
    await person.choose(page.getByLabel('One side'), r.sides[0]!);
    await person.choose(page.getByLabel('Other side'), r.sides[1]!);
    await person.click(page.getByRole('button', { name: 'Add relation' }));
    if (r.type !== 'alignment') await person.choose(field(page, `${at}.type`), r.type);
    await person.fill(field(page, `${at}.label`), r.label);
    if (r.directed) await person.click(field(page, `${at}.directed`));
    await expect(page.locator(`#f-${at.replaceAll('.', '-')}-periods-0-from-hint`)).toHaveText(
      'No date yet: set one.',
    );
    await person.fill(field(page, `${at}.periods.0.from`), r.from);
    if (r.status !== 'in-force')
      await person.choose(field(page, `${at}.periods.0.status`), r.status);
    await person.fill(field(page, `${at}.mentions`), r.mentions);
    await person.quote(r.quote);
  }

  // 5. The events: the dates the article gives, accepted, then told as the story tells them.
  await person.click(tab(page, 'suggestions'));
  for (const date of ['May 2022', '4 April 2023', '26 February 2024', '7 March 2024'])
    await person.click(page.getByRole('button', { name: new RegExp(`^Add ${date}: `) }));
  await person.click(tab(page, 'events'));
  const events = [
    {
      title: 'Finland and Sweden apply to join NATO',
      date: '2022-05-18',
      sources: 'nato, article',
      actors: 'FIN, SWE, NATO',
      relations: 'fin-swe',
    },
    {
      title: 'Finland joins NATO',
      description: 'Finland becomes the 31st member.',
      sources: 'nato',
      actors: 'FIN, NATO',
    },
    {
      title: 'Hungary’s parliament approves Sweden’s accession',
      actors: 'HUN, SWE',
      relations: 'hun-swe',
      note: true,
    },
    {
      title: 'Sweden joins NATO',
      description: 'Sweden becomes the 32nd member.',
      sources: 'nato',
      actors: 'SWE, NATO',
    },
  ];
  for (const [i, e] of events.entries()) {
    const at = `story.events.${i}`;
    await person.click(page.locator(`[data-item="events-${i}"]`));
    await person.fill(field(page, `${at}.title`), e.title);
    if (e.date) await person.fill(field(page, `${at}.date`), e.date);
    if (e.description) await person.fill(field(page, `${at}.description`), e.description);
    if (e.sources) await person.fill(field(page, `${at}.sources`), e.sources);
    await person.fill(field(page, `${at}.actors`), e.actors);
    if (e.relations) await person.fill(field(page, `${at}.relations`), e.relations);
    if (e.note) await person.click(page.getByRole('checkbox', { name: /^Turkey and Hungary/ }));
  }

  // 6. The span from the application to Sweden's membership.
  await person.click(tab(page, 'spans'));
  await person.click(page.getByRole('button', { name: 'Add a span' }));
  await person.fill(
    page.getByLabel('Label', { exact: true }),
    'From application to Sweden’s membership',
  );
  await person.choose(page.getByLabel('Kind'), 'gap');
  await person.fill(page.getByLabel('From', { exact: true }), 'e-2022-05');
  await person.fill(page.getByLabel('Until', { exact: true }), 'e-2024-03-07');

  // 7. Two steps: the whole map, then Russia's threat selected; reordered with the keyboard.
  await person.click(tab(page, 'steps'));
  await person.click(page.getByRole('button', { name: 'Add the map’s view as a step' }));
  await person.fill(page.getByLabel('Title', { exact: true }), 'The Nordic enlargement');
  await page.locator('.studio svg.map [data-relation="rus-nato"]').focus();
  person.clicks++;
  await page.keyboard.press('Enter');
  await person.click(tab(page, 'steps'));
  await person.click(page.getByRole('button', { name: 'Add the map’s view as a step' }));
  await expect(page.getByLabel('Highlighted relations (ids)')).toHaveValue('rus-nato');
  await person.fill(page.getByLabel('Title', { exact: true }), 'Russia answers');
  await page.locator('[data-item="steps-1"]').focus();
  await page.keyboard.press('Alt+ArrowUp');
  person.typed++;
  await expect(page.locator('[data-item="steps-0"]')).toHaveText(/Russia answers/);
  await expect(page.locator('[data-item="steps-0"]')).toBeFocused();

  // 8. No problems left; the files downloaded.
  await person.click(tab(page, 'problems'));
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await person.click(tab(page, 'publish'));
  const story = await download(page, 'story');
  const article = await download(page, 'article');
  const presentation = await download(page, 'presentation');
  person.clicks += 3;
  const elapsed = Date.now() - started;

  // The file says what the finished fixture says (tests/e2e/story-shape.ts: what is ignored).
  const made = JSON.parse(story) as Record<string, unknown>;
  const finished = JSON.parse(read('tests/fixtures/nordic-baltic.json')) as Record<string, unknown>;
  expect(storyShape(made)).toEqual(storyShape(finished));
  for (const [id, [lon, lat]] of Object.entries(anchors(finished))) {
    expect(anchors(made)[id]![0], id).toBeCloseTo(lon, 2);
    expect(anchors(made)[id]![1], id).toBeCloseTo(lat, 2);
  }
  expect(article).toBe(NORDIC);
  const steps = (JSON.parse(presentation) as { steps: Record<string, unknown>[] }).steps;
  expect(steps.map((s) => [s['title'], s['relations']])).toEqual([
    ['Russia answers', ['rus-nato']],
    ['The Nordic enlargement', []],
  ]);

  // Loaded with ?story=, the map shows the fixture's actors and relations, said the same way.
  const served: Record<string, string> = {};
  await page.route('**/stories/nordic-baltic*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    return served[name] ? route.fulfill({ body: served[name] }) : route.continue();
  });
  Object.assign(served, {
    'nordic-baltic.json': read('tests/fixtures/nordic-baltic.json'),
    'nordic-baltic.txt': NORDIC,
  });
  const fixtureMap = await mapOf(page, 'nordic-baltic');
  Object.assign(served, {
    'nordic-baltic.json': story,
    'nordic-baltic.txt': article,
    'nordic-baltic.presentation.json': presentation,
  });
  expect(await mapOf(page, 'nordic-baltic')).toEqual(fixtureMap);
  expect(fixtureMap.relations).toHaveLength(4);
  await page.goto('/?story=nordic-baltic&mode=present#/step/2');
  await expect(page.getByText('The Nordic enlargement')).toBeVisible();

  await info.attach('ui-actions.json', {
    body: JSON.stringify({ ...person, page: undefined, scriptedMs: elapsed }, null, 2),
    contentType: 'application/json',
  });
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
  // Named as the studio calls things, not by the validator's path (actors[0] "RUS" → anchor).
  await page.getByRole('button', { name: /^Actor “Russia” → anchor/ }).click();
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
  test.setTimeout(180_000); // eleven scans: about 20 s on a quiet machine, 80 s on a busy one
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
  // A group's form adds its members, each a choice and two dates.
  await tab(page, 'actors').click();
  await page.locator('[data-item="actors-8"]').click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  expect((await scan()).violations, 'a group').toEqual([]);
  await tab(page, 'steps').click();
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
  await page.getByLabel('Short label').fill('Talks');
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
    shortLabel: 'Talks',
    from: '2023-09',
    to: 'visit-2024',
  });
});

test('each list’s item is removed from its form, and one undo brings it back', async ({ page }) => {
  await page.goto('/?mode=studio&story=russia-north-korea-2024');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  for (const [list, label] of [
    ['actors', ''],
    ['relations', 'Remove this relation'],
    ['events', 'Remove this event'],
    ['spans', 'Remove this span'],
    ['steps', 'Remove this step'],
  ] as const) {
    await tab(page, list).click();
    const items = page.locator(`[data-item^="${list}-"]`);
    const before = await items.count();
    const first = await items.first().textContent();
    await items.first().click();
    // An actor's button names it: "Remove Russia".
    await page
      .getByRole('button', { name: label || `Remove ${first!.trim()}`, exact: true })
      .click();
    await expect(items).toHaveCount(before - 1);
    // The form closes with its item; the next item is now first.
    await expect(page.locator('.item-form')).toHaveCount(0);
    await expect(items.first()).not.toHaveText(first!);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(items).toHaveCount(before);
    await expect(items.first()).toHaveText(first!);
  }
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
  // The short name the map uses where it is narrow is edited beside the name.
  await page.locator('[data-item="actors-1"]').click();
  await expect(page.getByLabel('Name on the map')).toHaveValue('North Korea');
  await expect(page.getByLabel('Short name')).toHaveValue('N. Korea');
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
