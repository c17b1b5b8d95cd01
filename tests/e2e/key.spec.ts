/**
 * The key decides whether it starts open from its own width without reading layout while the
 * page is drawn (a forced layout), and without a ResizeObserver loop (which pages embedding the
 * map report as an error).
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap } from './helpers';

/** Counts reads of the key's layout (sizes and boxes) and records window errors, from the start. */
async function watchKey(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { keyReads: string[]; windowErrors: string[] };
    w.keyReads = [];
    w.windowErrors = [];
    window.addEventListener('error', (event) => w.windowErrors.push(event.message));
    const ofKey = (el: Element) => el.matches?.('[data-key], [data-key] *');
    for (const name of ['clientWidth', 'clientHeight', 'offsetWidth', 'offsetHeight'] as const) {
      const proto = name.startsWith('client') ? Element.prototype : HTMLElement.prototype;
      const own = Object.getOwnPropertyDescriptor(proto, name)!;
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: Element) {
          if (ofKey(this)) w.keyReads.push(name);
          return own.get!.call(this);
        },
      });
    }
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (ofKey(this)) w.keyReads.push('getBoundingClientRect');
      return rect.call(this);
    };
  });
}

const reads = (page: Page) =>
  page.evaluate(() => (window as unknown as { keyReads: string[] }).keyReads);
const windowErrors = (page: Page) =>
  page.evaluate(() => (window as unknown as { windowErrors: string[] }).windowErrors);
const toggle = (page: Page) => page.locator('[data-key] button[aria-expanded]');

for (const [width, open] of [
  [390, false],
  [1280, true],
] as const)
  test(`at ${width} px the key starts ${open ? 'open' : 'collapsed'} without reading its own layout`, async ({
    page,
  }) => {
    await watchKey(page);
    await page.setViewportSize({ width, height: 844 });
    await openMap(page);
    await expect(toggle(page)).toHaveAttribute('aria-expanded', String(open));
    if (open) await expect(page.locator('[data-key-type]').first()).toBeVisible();
    else await expect(page.locator('[data-key-type]').first()).toBeHidden();
    expect(await reads(page)).toEqual([]);
  });

for (const width of [700, 800])
  test(`in a ${width} px embed the key beside the map starts open, with no ResizeObserver loop`, async ({
    page,
  }) => {
    await watchKey(page);
    await page.setViewportSize({ width, height: 900 });
    await openMap(page, '/?mode=embed');
    const key = page.locator('[data-key]');
    const map = page.locator('.map-area');
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[data-key-type]').first()).toBeVisible();
    // Beside the map, not under it.
    const keyBox = (await key.boundingBox())!;
    const mapBox = (await map.boundingBox())!;
    expect(keyBox.x).toBeGreaterThanOrEqual(mapBox.x + mapBox.width - 1);
    // Collapsing and opening it again, and a frame or two for the observer, raise no error.
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await windowErrors(page)).toEqual([]);
    expect(await reads(page)).toEqual([]);
  });
