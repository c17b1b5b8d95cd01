import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openMap } from './helpers';

for (const [name, url] of [
  ['the full page', '/'],
  ['the page with a panel open', '/#/relation/pact-2024'],
] as const) {
  test(`axe finds no violations on ${name}`, async ({ page }) => {
    await openMap(page, url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
}
