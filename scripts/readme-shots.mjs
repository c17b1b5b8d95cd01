#!/usr/bin/env node
// The README's screenshots (docs/screenshots/), taken from a served build once the map has
// drawn and holds still:
//   npm run build && npx vite preview --port 4173 & node scripts/readme-shots.mjs http://127.0.0.1:4173
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const [base = 'http://127.0.0.1:4173'] = process.argv.slice(2);
const out = 'docs/screenshots';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });

/** One picture of an address at a size, once the map is drawn and settled (and a panel, if asked). */
async function shot(name, address, width, height, panel = false) {
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await page.goto(`${base}${address}`);
  await page.locator('svg.map[data-settled="true"]').waitFor({ timeout: 30_000 });
  if (panel)
    await page
      .locator('[data-panel] blockquote, [data-panel] .part')
      .first()
      .waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
  console.log(`${out}/${name}.png`);
}

await shot('desktop-map', '/', 1280, 800);
await shot('desktop-pact', '/#/relation/pact-2024', 1280, 800, true);
await shot('phone-map', '/', 390, 844);
await shot('phone-panel', '/#/actor/PRK', 390, 844, true);
await shot('present', '/?mode=present#/step/7', 1920, 1080);
await browser.close();
