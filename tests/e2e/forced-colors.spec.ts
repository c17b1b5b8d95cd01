/**
 * Windows high contrast, as Chromium emulates it: every control keeps a visible label, and the
 * roles stay apart by pattern where their colours are gone.
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap } from './helpers';

test.use({ colorScheme: 'light' });
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
});

/**
 * Each visible button's text and the contrast between its colour and the colour behind it. In
 * forced colours Chromium paints a backplate of the system's Canvas colour behind text (unless
 * the author opted out with forced-color-adjust), so that is what the text stands on.
 */
function buttonContrasts(page: Page) {
  return page.evaluate(() => {
    const rgb = (value: string) => value.match(/[\d.]+/g)!.map(Number);
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((c) => c / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const behind = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const colour = rgb(getComputedStyle(at).backgroundColor);
        if (colour.length < 4 || colour[3]! > 0) return colour;
      }
      return [255, 255, 255];
    };
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.backgroundColor = 'Canvas';
    const canvas = rgb(getComputedStyle(probe).backgroundColor);
    probe.remove();
    return [...document.querySelectorAll('button')]
      .filter((button) => button.checkVisibility({ visibilityProperty: true }))
      .map((button) => {
        const style = getComputedStyle(button);
        const text = luminance(rgb(style.color));
        const back = luminance(style.forcedColorAdjust === 'none' ? behind(button) : canvas);
        const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
        return { label: button.textContent?.trim() || button.getAttribute('aria-label'), ratio };
      });
  });
}

for (const { name, width, hash } of [
  { name: 'the page', width: 1280, hash: '' },
  { name: 'the page with a panel open', width: 1280, hash: '#/actor/PRK' },
  { name: 'a phone with its menu open', width: 390, hash: '' },
]) {
  test(`under forced colours every button of ${name} shows its label`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await openMap(page, `/${hash}`);
    if (width < 720) await page.getByRole('button', { name: 'More', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
    const buttons = await buttonContrasts(page);
    expect(buttons.map((b) => b.label)).toContain('Present');
    for (const { label, ratio } of buttons) expect(ratio, `“${label}”`).toBeGreaterThanOrEqual(4.5);
  });
}

test('under forced colours each role has its own pattern, in the key and on the map', async ({
  page,
}) => {
  await openMap(page);
  const swatches = page.locator('.legend .swatch');
  // The key comes a moment after the map (its own chunk).
  await expect(swatches.first()).toBeVisible();
  const patterns = await swatches.evaluateAll((all) =>
    all.map((s) => getComputedStyle(s).backgroundImage),
  );
  expect(patterns.length).toBeGreaterThan(3);
  expect(patterns.every((p) => p !== 'none')).toBe(true);
  expect(new Set(patterns).size).toBe(patterns.length);
  // One country of each role on the map (ISO numeric codes): Russia, Iran, the United States,
  // South Korea, Ukraine. Each is filled with its role's pattern, none with plain paper.
  const fills = await page.evaluate(() =>
    ['643', '364', '840', '410', '804'].map((code) => {
      const path = document.querySelector(`.map-base path.country[data-country="${code}"]`);
      return path ? getComputedStyle(path).fill : 'missing';
    }),
  );
  expect(fills.every((fill) => fill.startsWith('url('))).toBe(true);
  expect(new Set(fills).size).toBe(fills.length);
});
