import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap } from './helpers';

const title = (
  JSON.parse(
    readFileSync(
      new URL('../../static/stories/russia-north-korea-2024.json', import.meta.url),
      'utf8',
    ),
  ) as { title: string }
).title;

test('Download SVG gives a standalone SVG with the title, date, key and credit', async ({
  page,
}) => {
  await openMap(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('russia-north-korea-2024-2024-06-19.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(title);
  expect(svg).toContain('Map as of 19 June 2024');
  expect(svg).toContain('Mutual-defence treaty');
  expect(svg).toContain('Sanjeev Oak');
  expect(svg).toContain('world-atlas');
  expect(svg).toContain('data-actor="PRK"');
  // Hit areas and focus rings are controls, not part of the picture.
  expect(svg).toContain('data-picture="marks"');
  expect(svg).not.toContain('data-picture="screen-only"');
  expect(svg.length).toBeGreaterThan(50_000);
  // The sea fills the map's frame, as on the page (the globe's edge leaves a hole at the pole).
  const sea = await page
    .locator('.map-frame')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(svg.match(/<svg x="0" y="\d+"[^>]*><rect [^>]*fill="([^"]+)"/)![1]).toBe(sea);
  const width = await page.locator('svg.map').evaluate((el) => el.clientWidth);
  expect(svg).toMatch(new RegExp(`<svg[^>]* width="${width}"`));
});

for (const [when, url] of [
  ['on the story’s day', '/'],
  ['in 1970', '/?date=1970-01-01'],
] as const)
  test(`the downloaded SVG's key has every entry of the page's key, ${when}`, async ({ page }) => {
    await openMap(page, url);
    // The key comes a moment after the map (its own chunk).
    await expect(page.locator('[data-key] li').first()).toBeAttached();
    const entries = await page.locator('[data-key] li').evaluateAll((items) =>
      items.map((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return copy.textContent!.replace(/\s+/g, ' ').trim();
      }),
    );
    expect(entries.length).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    );
    for (const entry of entries) expect(texts).toContain(entry);
  });

test('Download PNG gives a valid PNG at twice the map’s width', async ({ page }) => {
  await openMap(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  const png = readFileSync((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const mapWidth = await page.locator('svg.map').evaluate((el) => el.clientWidth);
  expect(width).toBe(mapWidth * 2);
  expect(height).toBeGreaterThan(width / 3);
  expect(png.length).toBeGreaterThan(50_000);
});
