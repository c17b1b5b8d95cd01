/**
 * An embed is mostly map: in an iframe sized by pym.js, at every width from 280 px, the map
 * takes at least half of the iframe's height, and the host hears the new height when the key
 * opens.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectSizedToContent, mapFrame, ORIGIN } from './hosting';

const SELECTOR = '#alliance-map-pym iframe';

/** The pym.js host page with its map's box set to `width` px. */
async function embedAt(page: Page, width: number) {
  await page.setViewportSize({ width: Math.max(width + 80, 480), height: 900 });
  await page.goto(`${ORIGIN}/hosts/pym.html`);
  await page.evaluate((w) => {
    document.getElementById('alliance-map-pym')!.style.width = `${w}px`;
  }, width);
  const { locator, frame } = await mapFrame(page, SELECTOR);
  await expect.poll(async () => (await page.locator(SELECTOR).boundingBox())?.width).toBe(width);
  await expectSizedToContent(page, SELECTOR, frame);
  return { locator, frame };
}

for (const width of [280, 320, 400, 700]) {
  test(`a ${width} px embed gives the map at least half of the iframe’s height`, async ({
    page,
  }) => {
    const { locator, frame } = await embedAt(page, width);
    const iframe = await expectSizedToContent(page, SELECTOR, frame);
    const map = (await locator.locator('.map-area').boundingBox())!;
    expect(map.height / iframe, `map ${map.height} px of ${iframe} px`).toBeGreaterThanOrEqual(0.5);
    const sideways = await frame.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBe(0);
  });
}

test('opening the key in a narrow embed tells the host page the new height', async ({ page }) => {
  const { locator, frame } = await embedAt(page, 320);
  const closed = await expectSizedToContent(page, SELECTOR, frame);
  const toggle = locator.getByRole('button', { name: /^Key/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect
    .poll(() => expectSizedToContent(page, SELECTOR, frame))
    .toBeGreaterThan(closed + 100);
});
