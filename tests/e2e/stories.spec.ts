import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap, panel } from './helpers';

type Story = {
  passages: { quote: string }[];
  actors: { id: string; name: string }[];
  events: { date: string }[];
  relations: { periods: { to?: string }[] }[];
};

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

for (const slug of ['nordic-baltic', 'quad-indo-pacific']) {
  test(`the fixture ${slug} loads through the same code and opens its own passages`, async ({
    page,
  }) => {
    await page.route(`**/stories/${slug}.json`, (route) =>
      route.fulfill({ body: fixture(`${slug}.json`), contentType: 'application/json' }),
    );
    await page.route(`**/stories/${slug}.txt`, (route) =>
      route.fulfill({ body: fixture(`${slug}.txt`), contentType: 'text/plain' }),
    );
    const story = JSON.parse(fixture(`${slug}.json`)) as {
      title: string;
      actors: { id: string; name: string; passages?: string[] }[];
    };
    const errors = await openMap(page, `/?story=${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
    await expect(page.locator('[data-actor="RUS"]')).toHaveCount(
      story.actors.some((a) => a.id === 'RUS') ? 1 : 0,
    );
    const named = story.actors.find((a) => (a.passages ?? []).length > 0)!;
    await page.locator(`[data-actor="${named.id}"]`).first().click();
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(named.name);
    const text = fixture(`${slug}.txt`);
    for (const quote of await panel(page).locator('blockquote').allTextContents())
      expect(text).toContain(quote.trim());
    expect(errors).toEqual([]);
  });
}

test('a broken story file shows an alert naming the item and field, not a blank page', async ({
  page,
}) => {
  const broken = JSON.parse(fixture('nordic-baltic.json'));
  broken.relations[0].from = 'ATLANTIS';
  await page.route('**/stories/broken.json', (route) =>
    route.fulfill({ body: JSON.stringify(broken), contentType: 'application/json' }),
  );
  await page.route('**/stories/nordic-baltic.txt', (route) =>
    route.fulfill({ body: fixture('nordic-baltic.txt'), contentType: 'text/plain' }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?story=broken');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`relations[0] "${broken.relations[0].id}" → from`);
  await expect(alert).toContainText('unknown actor "ATLANTIS"');
  expect(errors).toEqual([]);
});

test('a story file that is not JSON, or missing, says so', async ({ page }) => {
  await page.route('**/stories/garbled.json', (route) =>
    route.fulfill({ body: '{ "id": ', contentType: 'application/json' }),
  );
  await page.goto('/?story=garbled');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await page.goto('/?story=no-such-story');
  await expect(page.getByRole('alert')).toContainText('no-such-story');
  await expect(page.getByRole('alert')).toContainText('not found');
});

test('a story name with forbidden characters is refused with a notice and the default story shows', async ({
  page,
}) => {
  await openMap(page, '/?story=..%2Fsecret');
  await expect(page.getByRole('status').filter({ hasText: 'is not a story name' })).toBeVisible();
});

test('map data that fails to load gives an alert with a retry that works', async ({ page }) => {
  let fail = true;
  await page.route('**/countries-110m*.json', (route) =>
    fail ? route.fulfill({ status: 500, body: 'no' }) : route.continue(),
  );
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('map data could not be loaded');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
});

test('the reading panel’s code loads after the map, and a failed load says so and can be retried', async ({
  page,
}) => {
  const requested: string[] = [];
  let fail = true;
  await page.route('**/assets/reading-*.js', (route) => {
    requested.push(route.request().url());
    return fail ? route.abort() : route.continue();
  });
  await page.goto('/');
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  // Fetched while the page is idle once the map is drawn, before anything is clicked.
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  await page.locator('[data-actor="RUS"]').click();
  const alert = page.locator('.panel-wrap').getByRole('alert');
  await expect(alert).toContainText('could not be loaded');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-panel] h2')).toHaveText('Russia');
});

test('the embed code’s dialog loads on the first click, and a failed load says so', async ({
  page,
}) => {
  let fail = true;
  await page.route('**/assets/EmbedCode-*.js', (route) =>
    fail ? route.abort() : route.continue(),
  );
  await openMap(page);
  await page.locator('[data-embed]').click();
  await expect(page.getByRole('alert')).toContainText('embed code could not be loaded');
  fail = false;
  await page.locator('[data-embed]').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('story text is shown as text, never run as HTML', async ({ page }) => {
  const story = JSON.parse(fixture('nordic-baltic.json'));
  story.actors[0].name = '<img src=x onerror=alert(1)>';
  await page.route('**/stories/hostile.json', (route) =>
    route.fulfill({ body: JSON.stringify(story), contentType: 'application/json' }),
  );
  await page.route('**/stories/nordic-baltic.txt', (route) =>
    route.fulfill({ body: fixture('nordic-baltic.txt'), contentType: 'text/plain' }),
  );
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openMap(page, `/?story=hostile#/actor/${story.actors[0].id}`);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(
    '<img src=x onerror=alert(1)>',
  );
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

for (const [what, breakStory, where, message] of [
  [
    'a quote not found in the article',
    (s: Story) => (s.passages[0]!.quote = 'Words the article never wrote.'),
    'passages[0]',
    'quote: not in the article',
  ],
  [
    'a duplicate id',
    (s: Story) => (s.actors[1]!.id = s.actors[0]!.id),
    'actors[1]',
    'duplicate id',
  ],
  [
    'a bad date',
    (s: Story) => (s.events[0]!.date = '2023-02-30'),
    'events[0]',
    'day 30 does not exist in February 2023',
  ],
  [
    'a field of the wrong type',
    (s: Story) => ((s.actors[0] as unknown as { name: number }).name = 42),
    'actors[0]',
    'name',
  ],
  [
    'an interval that ends before it starts',
    (s: Story) => (s.relations[0]!.periods[0]!.to = '1900'),
    'relations[0]',
    'ends (1900) before it starts',
  ],
] as const) {
  test(`a story file with ${what} is refused with an alert naming the item and field`, async ({
    page,
  }) => {
    const story = JSON.parse(fixture('nordic-baltic.json')) as Story;
    breakStory(story);
    await page.route('**/stories/bad.json', (route) =>
      route.fulfill({ body: JSON.stringify(story), contentType: 'application/json' }),
    );
    await page.route('**/stories/nordic-baltic.txt', (route) =>
      route.fulfill({ body: fixture('nordic-baltic.txt'), contentType: 'text/plain' }),
    );
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/?story=bad');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(where);
    await expect(alert).toContainText(message);
    expect(errors).toEqual([]);
  });
}

/**
 * Holds a chunk's request until `release()`, noting whether the map was drawn when the page asked
 * for it.
 */
async function holdChunk(page: Page, glob: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let mapReadyWhenRequested: boolean | null = null;
  await page.route(glob, async (route) => {
    mapReadyWhenRequested ??= (await page.locator('svg.map[data-ready="true"]').count()) > 0;
    await held;
    await route.continue();
  });
  return { release, mapReadyWhenRequested: () => mapReadyWhenRequested };
}

/** The first paint's picture of the key, as it holds the key's place. */
const KEY_PICTURE = '[data-key-hold] .first-paint-key';

/** The parts that come after the map, each with the first paint's picture of it. */
const PARTS = [
  {
    name: 'the key',
    chunk: '**/assets/Legend-*.js',
    place: '.map-col',
    message: 'The map’s key could not be loaded.',
    /** The picture, as it holds the part's place. */
    picture: (page: Page) => page.locator(KEY_PICTURE),
    whileHeld: async (page: Page) =>
      expect(page.locator(KEY_PICTURE)).toContainText('Mutual-defence treaty'),
    live: (page: Page) =>
      page
        .locator('[data-key]')
        .getByRole('button', { name: 'Mutual-defence treaty', exact: true }),
    /** What is gone once the part has come. */
    gone: KEY_PICTURE,
    /** What does not move when it comes. */
    steady: ['.map-area'],
  },
  {
    name: 'the start panel',
    chunk: '**/assets/StartPanel-*.js',
    place: '.panel-wrap',
    message: 'The start panel could not be loaded.',
    picture: (page: Page) => page.getByRole('heading', { name: 'How to read this map' }),
    // The picture is no reading panel: a click's answer is the live panel's.
    whileHeld: async (page: Page) => expect(page.locator('[data-panel]')).toHaveCount(0),
    live: (page: Page) =>
      page.locator('[data-start]').getByRole('button', { name: 'North Korea', exact: true }),
    gone: '.first-paint-panel',
    steady: ['.map-area', 'role=heading[name="How to read this map"]'],
  },
];

for (const part of PARTS)
  test(`${part.name}’s code loads after the map, its picture holding its place meanwhile`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const chunk = await holdChunk(page, part.chunk);
    await page.goto('/');
    await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
    await expect(page.locator('#first-paint')).toHaveCount(0);
    await expect(part.picture(page)).toBeVisible();
    await part.whileHeld(page);
    await expect.poll(chunk.mapReadyWhenRequested).toBe(true);
    const boxes = () => Promise.all(part.steady.map((at) => page.locator(at).boundingBox()));
    const before = await boxes();
    chunk.release();
    await expect(part.live(page)).toBeVisible();
    await expect(page.locator(part.gone)).toHaveCount(0);
    expect(await boxes()).toEqual(before);
  });

for (const part of PARTS)
  test(`a failed load of ${part.name}’s code says so in its place and can be retried`, async ({
    page,
  }) => {
    let fail = true;
    await page.route(part.chunk, (route) => (fail ? route.abort() : route.continue()));
    await page.goto('/');
    const alert = page.locator(part.place).getByRole('alert');
    await expect(alert).toContainText(part.message);
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(part.live(page)).toBeVisible();
    await expect(alert).toHaveCount(0);
  });

test('a page without the pictures (another story) has its key and start panel at its first render', async ({
  page,
}) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const map = document.querySelector('svg.map');
      if (!map) return;
      observer.disconnect();
      (window as unknown as { partsWithMap: boolean }).partsWithMap =
        document.querySelector('[data-key]') !== null &&
        document.querySelector('[data-start]') !== null;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('/?story=aukus-2021');
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { partsWithMap: boolean }).partsWithMap),
  ).toBe(true);
});

test('the panels drawn ahead of a first click leave nothing in the page and open nothing', async ({
  page,
}) => {
  const reading = page.waitForResponse(/\/assets\/reading-[^/]*\.js$/);
  await page.goto('/');
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await reading;
  await expect(page.locator('[data-start]')).toBeVisible();
  // Each of the likeliest panels is drawn once off the page, in a task of its own, and removed.
  await expect
    .poll(() => page.evaluate(() => document.body.querySelectorAll(':scope > div').length))
    .toBe(1);
  await expect(page.locator('[data-panel]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/#\//);
  await page.locator('[data-start]').getByRole('button', { name: 'China', exact: true }).click();
  await expect(page.locator('[data-panel] h2')).toHaveText('China');
});
