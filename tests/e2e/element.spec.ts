/**
 * The `<alliance-map>` element from `dist/alliance-map.js` (issue #5), on host pages from
 * tests/hosts/ served with the strict CSP header: two instances on one page under a hostile
 * theme, each in its own shadow root with its own selection, data loaded relative to the script,
 * no trace on the host page's address, and a wheel that scrolls the article until the map is
 * engaged.
 */
import { expect, test, type Page } from '@playwright/test';
import { ORIGIN, watch } from './hosting';

const map = (page: Page, id: string) => page.locator(`alliance-map#${id}`);
const heading = (page: Page, id: string) =>
  map(page, id).locator('[data-panel]').getByRole('heading', { level: 2 });

async function openHost(page: Page) {
  const watched = await watch(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${ORIGIN}/hosts/components.html`);
  for (const id of ['first', 'second'])
    await expect(map(page, id).locator('svg.map[data-ready="true"]')).toBeVisible();
  return { watched, requests };
}

test('two elements on one page each draw the map in their own shadow root, with their own selection and date', async ({
  page,
}) => {
  const { watched, requests } = await openHost(page);
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('alliance-map')].map((el) => el.shadowRoot !== null),
    ),
  ).toEqual([true, true]);
  expect(await page.evaluate(() => document.querySelectorAll('svg.map, [data-panel]').length)).toBe(
    0,
  );

  // The first opens on its `selection` attribute, the second at its `date`.
  await expect(heading(page, 'first')).toHaveText('Russia');
  await expect(map(page, 'second').locator('[data-panel]')).toHaveCount(0);
  await expect(map(page, 'second').locator('.map-date')).toHaveText('19 July 2000');
  await expect(map(page, 'first').locator('.map-date')).toHaveText('19 June 2024');

  await map(page, 'second').locator('[data-actor="PRK"]').click();
  await expect(heading(page, 'second')).toHaveText('North Korea');
  await expect(heading(page, 'first')).toHaveText('Russia');
  expect(await page.evaluate(() => window.hostLog.events)).toEqual([
    {
      element: 'first',
      detail: { type: 'alliance-map:select', target: { kind: 'actor', id: 'RUS' } },
    },
    {
      element: 'second',
      detail: { type: 'alliance-map:select', target: { kind: 'actor', id: 'PRK' } },
    },
  ]);

  // The attribute selects later too; closing the panel announces that nothing is selected.
  await page.evaluate(() =>
    document.querySelector('#first')!.setAttribute('selection', 'relation/pact-2024'),
  );
  await expect(heading(page, 'first')).toContainText('Russia ↔ North Korea');
  await map(page, 'first').getByRole('button', { name: 'Close the panel' }).click();
  await expect(map(page, 'first').locator('[data-panel]')).toHaveCount(0);
  await expect(heading(page, 'second')).toHaveText('North Korea');
  expect(await page.evaluate(() => window.hostLog.events.at(-1))).toEqual({
    element: 'first',
    detail: { type: 'alliance-map:select', target: null },
  });

  // Stories, map data and code come from beside /alliance-map.js, not from beside the page.
  expect(requests.filter((url) => url.includes('/stories/'))).not.toHaveLength(0);
  expect(
    requests.filter(
      (url) => url.startsWith(`${ORIGIN}/hosts/`) && !/\.(html|css|js|svg)$/.test(url),
    ),
  ).toEqual([]);
  expect(await watched.problems()).toEqual([]);
  expect(watched.foreign).toEqual([]);
});

test('the host page’s hostile styles do not reach into the elements, and theirs do not leak out', async ({
  page,
}) => {
  const { watched } = await openHost(page);
  const first = map(page, 'first');
  const wrapper = await first.locator('.alliance-map').evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      color: style.color,
      fontSize: style.fontSize,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
      lineHeight: style.lineHeight,
    };
  });
  expect(wrapper).toEqual({
    color: 'rgb(27, 27, 31)',
    fontSize: '16px',
    letterSpacing: 'normal',
    textTransform: 'none',
    lineHeight: 'normal',
  });
  // rem inside the element is its own 16 px, not the host's 10 px root.
  // Its title is an h2: the article around it has the page's h1.
  await expect(first.getByRole('heading', { level: 2, name: /Russia and North Korea/ })).toHaveCSS(
    'font-size',
    '20px',
  );
  await expect(first.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(first.getByRole('main')).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(first.locator('.sphere')).not.toHaveCSS('fill', 'rgb(0, 255, 0)');
  await expect(first.locator('.map-frame')).not.toHaveCSS('border-top-style', 'dashed');
  await expect(first.locator('.map-frame')).toHaveCSS('background-color', 'rgb(238, 243, 246)');

  // The host page keeps its own look: the map's global rules stay in the shadow roots.
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('8px');
  expect((await page.locator('#probe-hidden').boundingBox())!.height).toBeGreaterThan(20);
  expect(
    await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline')),
  ).toEqual([`${ORIGIN}/hosts/hostile.css`]);
  expect(await watched.problems()).toEqual([]);
});

test('the element never touches the host page’s address, history or title; its skip link stays inside it', async ({
  page,
}) => {
  // Every way a script changes the address, counted from before the page's first script.
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { addressWrites: string[] }).addressWrites = log;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[name];
      History.prototype[name] = function (
        this: History,
        ...args: Parameters<History['pushState']>
      ) {
        log.push(name);
        return original.apply(this, args);
      };
    }
    addEventListener('hashchange', () => log.push('hashchange'));
  });
  // Fake timers that run at the real pace, so the test can run past the address's settling delay.
  await page.clock.install();
  const { watched } = await openHost(page);
  const before = await page.evaluate(() => ({
    url: location.href,
    length: history.length,
    title: document.title,
  }));
  await map(page, 'second').locator('[data-actor="CHN"]').click();
  await expect(heading(page, 'second')).toHaveText('China');
  await map(page, 'second').locator('input[type="range"]').first().fill('2000');
  await map(page, 'second').locator('[data-event-id]').first().click();
  const skip = map(page, 'first').getByRole('link', { name: 'Skip the map' });
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(map(page, 'first').locator('#after-map')).toBeFocused();
  // Well past the moment a page of its own would have written its address.
  await page.clock.runFor(5_000);
  expect(
    await page.evaluate(() => ({
      url: location.href,
      length: history.length,
      title: document.title,
    })),
  ).toEqual(before);
  expect(
    await page.evaluate(() => (window as unknown as { addressWrites: string[] }).addressWrites),
  ).toEqual([]);
  expect(await watched.problems()).toEqual([]);
});

test('a wheel over an element the reader has not engaged with scrolls the article and says how to zoom; a click lets it zoom', async ({
  page,
}) => {
  const { watched } = await openHost(page);
  await page.setViewportSize({ width: 800, height: 600 });
  const svg = map(page, 'second').locator('svg.map');
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoom = () => svg.getAttribute('data-zoom-level');
  const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
  const startZoom = await zoom();
  const startScroll = await scrollY();
  await page.mouse.wheel(0, 250);
  await expect.poll(scrollY).toBeGreaterThan(startScroll);
  await expect(map(page, 'second').locator('[data-gesture-hint]')).toHaveText(
    'Click the map or hold Ctrl/⌘ to zoom',
  );
  expect(await zoom()).toBe(startZoom);

  const now = (await svg.boundingBox())!;
  await page.mouse.click(now.x + 12, now.y + now.height - 12);
  const scrolled = await scrollY();
  await page.mouse.move(now.x + now.width / 2, now.y + now.height / 2);
  await page.mouse.wheel(0, -250);
  await expect.poll(zoom).not.toBe(startZoom);
  expect(await scrollY()).toBe(scrolled);
  // Clicking elsewhere on the page lets the wheel scroll the article again.
  await page.locator('h1').click();
  await svg.scrollIntoViewIfNeeded();
  const zoomed = await zoom();
  const again = (await svg.boundingBox())!;
  const top = await scrollY();
  await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
  await page.mouse.wheel(0, 250);
  await expect.poll(scrollY).toBeGreaterThan(top);
  expect(await zoom()).toBe(zoomed);
  expect(await watched.problems()).toEqual([]);
});

test('no request leaves the origin, even for the detailed outlines when zoomed in', async ({
  page,
}) => {
  const { watched } = await openHost(page);
  const zoomIn = map(page, 'first').getByRole('button', { name: 'Zoom in' });
  for (let i = 0; i < 3; i++) await zoomIn.click();
  await expect(map(page, 'first').locator('svg.map')).toHaveAttribute('data-detail', '50m');
  expect(watched.foreign).toEqual([]);
  expect(await watched.problems()).toEqual([]);
});
