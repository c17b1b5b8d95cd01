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

async function openLarge(page: Page, file = body) {
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
    route.fulfill({ body: file, contentType: 'application/json' }),
  );
  await page.route('**/stories/large.txt', (route) =>
    route.fulfill({ body: article, contentType: 'text/plain' }),
  );
  await page.goto('/?story=large');
}

test.describe.configure({ timeout: 120_000 });

/**
 * The first marker whose dot a reader can click: where 174 actors crowd the map, a neighbour's
 * leader line or the lines brought forward may lie over a dot.
 */
async function uncoveredMarker(page: Page) {
  const dots = page.locator('svg.map [data-marker][data-actor] .dot');
  await expect(dots.first()).toBeVisible(LOADED);
  const index = await dots.evaluateAll((all) =>
    all.findIndex((dot) => {
      const box = dot.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return top !== null && dot.parentElement!.contains(top);
    }),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  return page.locator('svg.map [data-marker][data-actor]').nth(index);
}

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

test('a large story is checked in a worker, whose errors read as the page’s own', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const relations = story.relations as { from: string }[];
  const broken = {
    ...story,
    asOf: 'June 2024',
    relations: [{ ...relations[0], from: 'NOWHERE' }, ...relations.slice(1)],
  };
  await openLarge(page, JSON.stringify(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('relations[0]', LOADED);
  await expect(alert).toContainText('NOWHERE');
  await expect(alert).toContainText('asOf');
  expect(workers.some((url) => /check\.worker/.test(url))).toBe(true);
});

test('a large story draws its map and markers first, then its names and its lines a slice at a time', async ({
  page,
}) => {
  // What the map holds after each change of its DOM (a microtask after each task's changes).
  await page.addInitScript(() => {
    const states: { markers: number; lines: number; labels: number }[] = [];
    (window as unknown as { drawn: typeof states }).drawn = states;
    new MutationObserver(() => {
      const count = (selector: string) => document.querySelectorAll(selector).length;
      const now = {
        markers: count('svg.map [data-marker][data-actor]'),
        lines: count('svg.map .relations .hit[data-relation]'),
        labels: count('svg.map text[data-label]'),
      };
      const last = states.at(-1);
      if (now.markers && JSON.stringify(last) !== JSON.stringify(now)) states.push(now);
    }).observe(document, { subtree: true, childList: true });
  });
  await openLarge(page);
  await expect(page.locator('svg.map .relations .hit[data-relation]')).toHaveCount(
    SIZE.relations,
    LOADED,
  );
  await expect(page.locator('svg.map text[data-label]').first()).toBeAttached();
  const states = await page.evaluate(
    () =>
      (window as unknown as { drawn: { markers: number; lines: number; labels: number }[] }).drawn,
  );
  // The markers came alone: no line and no name in the same task.
  expect(states[0]).toEqual({ markers: SIZE.actors, lines: 0, labels: 0 });
  // Then the lines, a slice of at most 400 per task, in more than a few steps.
  const lineCounts = [...new Set(states.map((s) => s.lines))];
  expect(lineCounts.length).toBeGreaterThan(5);
  for (const [i, n] of lineCounts.entries())
    if (i) expect(n - lineCounts[i - 1]!).toBeLessThanOrEqual(400);
  expect(lineCounts.at(-1)).toBe(SIZE.relations);
});

/** The boxes of the names on the map and of the markers' dots, in page pixels. */
async function namesAndDots(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const names = [...document.querySelectorAll('svg.map text[data-label]')].map((t) => ({
      id: t.getAttribute('data-label')!,
      ...box(t),
    }));
    const dots = [...document.querySelectorAll('svg.map [data-marker][data-actor]')].map((m) => ({
      id: m.getAttribute('data-actor')!,
      ...box(m.querySelector('.dot')!),
    }));
    return { names, dots };
  });
}

type Rect = { x: number; y: number; width: number; height: number };
/** Overlap by more than a pixel each way (a name's halo may touch its neighbour's). */
const covers = (a: Rect, b: Rect) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;

for (const [width, height] of [
  [390, 844],
  [1280, 800],
] as const)
  test(`a crowded map names what it has room for, no name over another or a dot, at ${width} px; zoomed in, more`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openLarge(page);
    await expect(page.locator('svg.map .relations .hit[data-relation]')).toHaveCount(
      SIZE.relations,
      LOADED,
    );
    await expect(page.locator('svg.map text[data-label]').first()).toBeAttached();
    const { names, dots } = await namesAndDots(page);
    // Where 174 markers crowd, some go unnamed rather than have names printed over each other.
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThan(dots.length);
    const clashes = names.flatMap((a, i) => [
      ...names
        .slice(i + 1)
        .filter((b) => covers(a, b))
        .map((b) => `${a.id} over ${b.id}`),
      ...dots.filter((d) => covers(a, d)).map((d) => `${a.id} over the dot of ${d.id}`),
    ]);
    expect(clashes).toEqual([]);
    // The actor with the most lines drawn is named, however crowded.
    const drawn = new Set(
      await page
        .locator('svg.map .relations .hit[data-relation]')
        .evaluateAll((hits) => hits.map((h) => h.getAttribute('data-relation'))),
    );
    const degree = new Map<string, number>();
    for (const r of story.relations as { id: string; from: string; to: string }[])
      if (drawn.has(r.id))
        for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const [most] = [...degree].sort((a, b) => b[1] - a[1]);
    const named = new Set(names.map((n) => n.id));
    expect(named.has(most![0])).toBe(true);
    // Zoomed in, there is room for names that had none.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(async () => {
      const after = await namesAndDots(page);
      const newly = after.names.filter((n) => !named.has(n.id));
      expect(newly.length).toBeGreaterThan(0);
    }).toPass({ timeout: 10_000 });
  });

test('a click on an actor of a large story restyles only the lines it brings forward', async ({
  page,
}) => {
  await openLarge(page);
  await expect(page.locator('svg.map .relations .hit[data-relation]')).toHaveCount(
    SIZE.relations,
    LOADED,
  );
  const marker = await uncoveredMarker(page);
  const id = (await marker.getAttribute('data-actor'))!;
  // Every line of the layer that changes (its attributes, or itself added or taken away).
  await page.evaluate(() => {
    const touched = { hits: new Set<string>(), arcs: 0 };
    (window as unknown as { touched: typeof touched }).touched = touched;
    const note = (node: Node) => {
      if (!(node instanceof Element)) return;
      const relation = node.getAttribute('data-relation');
      if (relation) touched.hits.add(relation);
      else if (node.matches('path.arc')) touched.arcs++;
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') note(r.target);
        r.addedNodes.forEach(note);
        r.removedNodes.forEach(note);
      }
    }).observe(document.querySelector('svg.map .relations')!, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
  await marker.locator('.dot').click();
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);
  await expect(page.locator('svg.map .hit.lit').first()).toBeAttached();
  const own = new Set(
    (story.relations as { id: string; from: string; to: string }[])
      .filter((r) => r.from === id || r.to === id)
      .map((r) => r.id),
  );
  const { hits, arcs } = await page.evaluate(() => {
    const { touched } = window as unknown as { touched: { hits: Set<string>; arcs: number } };
    return { hits: [...touched.hits], arcs: touched.arcs };
  });
  // The targets that changed are the actor's lines, every one of them…
  expect(hits.filter((r) => !own.has(r))).toEqual([]);
  expect(hits).toHaveLength(own.size);
  // …and the drawn lines (which carry no id) moved forward are theirs: each taken from its group
  // and added in front, with its hollow twin where it has one. Not the thousands of others.
  expect(arcs).toBeGreaterThanOrEqual(2 * own.size);
  expect(arcs).toBeLessThanOrEqual(4 * own.size);
});

test('a click on an actor of a large story opens its panel and brings its lines forward', async ({
  page,
}) => {
  await openLarge(page);
  const marker = await uncoveredMarker(page);
  await expect(marker).toBeVisible(LOADED);
  const id = await marker.getAttribute('data-actor');
  const actors = story.actors as { id: string; name: string }[];
  const name = actors.find((a) => a.id === id)?.name ?? '';
  await marker.locator('.dot').click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toContainText(name);
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);
  // The lines brought forward are exactly the actor's own.
  const own = (story.relations as { id: string; from: string; to: string }[]).filter(
    (r) => r.from === id || r.to === id,
  );
  // Read once every line is drawn (they come a slice per task after the markers).
  const lit = page.locator('svg.map .hit.lit');
  await expect(lit).toHaveCount(own.length, LOADED);
  const ids = await lit.evaluateAll((hits) => hits.map((h) => h.getAttribute('data-relation')));
  expect(ids.sort()).toEqual(own.map((r) => r.id).sort());
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
