/**
 * Slides for the back of a classroom and colours checked by numbers: every step's caption fits
 * without scrolling at 1280×720 and 1920×1080 and its actors are on the map, the slide carries
 * the step's key, the controls fade and come back, the presenter sees pictures of the current
 * and next step, the deck prints one step a page, and the dark and high-contrast themes keep
 * their contrast ratios as the browser computes them.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse, wcagContrast } from 'culori';
import { expectNoAxeViolations, openMap } from './helpers';

const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../static/stories/${file}`, import.meta.url), 'utf8'));
const story = read('russia-north-korea-2024.json') as {
  relations: { id: string; sides: string[] }[];
};
const { steps } = read('russia-north-korea-2024.presentation.json') as {
  steps: { id: string; title: string; actors: string[]; relations: string[] }[];
};
const progress = (page: Page) => page.locator('.caption [data-progress]');

/** Every actor a step shows: its own and both ends of its relations. */
function stepActors(step: (typeof steps)[number]): string[] {
  const ends = step.relations.flatMap((id) => story.relations.find((x) => x.id === id)!.sides);
  return [...new Set([...step.actors, ...ends])];
}

/** Contrast of two CSS colours as the browser computed them (rgb(), color(srgb …)). */
function contrast(a: string, b: string): number {
  const ca = parse(a);
  const cb = parse(b);
  if (!ca || !cb) throw new Error(`unparsed colour: ${a} / ${b}`);
  return wcagContrast(ca, cb);
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} every step's caption fits without scrolling and its actors are on the map`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width, height });
    await openMap(page, '/?mode=present#/step/1');
    for (const [i, step] of steps.entries()) {
      await expect(progress(page)).toHaveText(`Step ${i + 1} / ${steps.length}`);
      await expect(page.locator('#step-title')).toHaveText(step.title);
      const caption = page.locator('.caption');
      await expect(caption).toHaveAttribute('data-fits', 'true');
      const box = await caption.evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
        text: parseFloat(getComputedStyle(el.querySelector('blockquote') ?? el).fontSize),
      }));
      expect(box.scroll, `step ${i + 1} scrolls`).toBeLessThanOrEqual(box.client);
      // Never shrunk below about 2.5 % of the screen's height (18 px at 720, 27 px at 1080).
      expect(box.text, `step ${i + 1} text size`).toBeGreaterThanOrEqual(height * 0.025 * 0.72);
      // The map frames the step: each of its actors' markers lies inside the map.
      const frame = (await page.locator('.stage-map').boundingBox())!;
      for (const id of stepActors(step)) {
        await expect
          .poll(
            async () => {
              const marker = page.locator(`.markers [data-actor="${id}"] .dot`);
              // A relation's end that no longer exists that day (the Soviet Union) hands over.
              if ((await marker.count()) === 0)
                return step.actors.includes(id) ? 'not drawn' : 'inside';
              const dot = (await marker.boundingBox())!;
              const x = dot.x + dot.width / 2;
              const y = dot.y + dot.height / 2;
              return x >= frame.x &&
                x <= frame.x + frame.width &&
                y >= frame.y &&
                y <= frame.y + frame.height
                ? 'inside'
                : `at ${Math.round(x)},${Math.round(y)}`;
            },
            { message: `step ${i + 1}: ${id} is inside the map` },
          )
          .toBe('inside');
      }
      await page.keyboard.press('ArrowRight');
    }
  });
}

test("each slide's key lists its actors' roles and its relations' kinds, nothing else", async ({
  page,
}) => {
  await openMap(page, '/?mode=present#/step/1');
  const key = page.locator('[data-step-key]');
  // The day the 1961 treaty was signed: signed, not yet in force; both sides in the Soviet bloc.
  await expect(key.locator('[data-key-type]')).toHaveText([
    'Mutual-defence treaty (signed, not yet in force)',
  ]);
  await expect(key.locator('[data-key-role]')).toHaveText(['The Soviet Union and its allies']);
  await page.goto('/?mode=present#/step/7');
  await expect(key.locator('[data-key-type]')).toHaveText(['Arms transfer (alleged)', 'Criticism']);
});

test('map labels and lines are drawn for the back of the room at 1080p', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openMap(page, '/?mode=present#/step/5');
  const label = await page
    .locator('.markers [data-actor="RUS"] text')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(label).toBeGreaterThanOrEqual(24);
  expect(label).toBeLessThanOrEqual(28);
  const widths = await page
    .locator('.relations .arc:not(.hollow)')
    .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).strokeWidth)));
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(4);
  expect(Math.max(...widths)).toBeLessThanOrEqual(6);
});

test('the controls fade when idle, come back on a pointer move or a key, and stay reachable', async ({
  page,
}) => {
  await openMap(page, '/?mode=present#/step/2');
  const controls = page.locator('nav.controls');
  await expect(controls).toHaveCSS('opacity', '0', { timeout: 6000 });
  // Faded, not hidden: still in the accessibility tree and the tab order.
  await expect(page.getByRole('button', { name: 'Next step' })).toBeEnabled();
  await page.mouse.move(300, 300);
  await expect(controls).toHaveCSS('opacity', '1');
  await expect(controls).toHaveCSS('opacity', '0', { timeout: 6000 });
  await page.keyboard.press('ArrowRight');
  await expect(controls).toHaveCSS('opacity', '1');
  await expect(controls).toHaveCSS('opacity', '0', { timeout: 6000 });
  await page.getByRole('button', { name: 'Next step' }).focus();
  await expect(controls).toHaveCSS('opacity', '1');
});

test('the presenter window shows the current and the next step as pictures', async ({ page }) => {
  await page.goto('/?mode=presenter#/step/3');
  await expect(page.locator(`[data-step-picture="${steps[2]!.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-step-picture="${steps[3]!.id}"]`)).toBeVisible();
  await expect(
    page.locator(`[data-step-picture="${steps[2]!.id}"] text`).filter({ hasText: 'North Korea' }),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Next ›' }).click();
  await expect(page.locator(`[data-step-picture="${steps[4]!.id}"]`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('one click gives a deck that prints one step a page, every caption fitted', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', '');
  });
  await openMap(page, '/?mode=present#/step/1');
  const [deck] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Slides as PDF' }).click(),
  ]);
  await expect(deck).toHaveURL(/deck=1/);
  await expect(deck.locator('.deck[data-ready]')).toBeAttached({ timeout: 15_000 });
  await expect(deck.locator('html[data-printed]')).toBeAttached();
  await expect(deck.locator('.slide')).toHaveCount(steps.length);
  for (const fits of await deck
    .locator('.slide .caption')
    .evaluateAll((els) => els.map((el) => el.scrollHeight <= el.clientHeight)))
    expect(fits).toBe(true);
  const pdf = await deck.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages).toHaveLength(steps.length);
});

test('dark theme: lines keep 3:1 against sea, land and role fills, text 4.5:1', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openMap(page, '/');
  // The key's entries are among the texts checked; it comes a moment after the map.
  await expect(page.locator('.legend li').first()).toBeVisible();
  await expectContrast(page, { line: 3, text: 4.5 });
});

test('high contrast: lines keep 4.5:1 and text 7:1', async ({ page }) => {
  await openMap(page, '/?mode=present#/step/5');
  await page.getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('.present.theme-contrast')).toBeVisible();
  await expectContrast(page, { line: 4.5, text: 7 });
});

/** Reads the colours the page computed and checks every line against every ground, and text. */
async function expectContrast(page: Page, min: { line: number; text: number }) {
  const colours = await page.evaluate(() => {
    const fill = (el: Element | null) => (el ? getComputedStyle(el).fill : '');
    const sea = fill(document.querySelector('.sphere'));
    const land = fill(document.querySelector('.country:not(.actor-land):not(.actor-shape)'));
    const roles = [
      ...new Set(
        [...document.querySelectorAll('.country.actor-land, .country.actor-shape')].map(fill),
      ),
    ];
    // A hollow line's inner stroke is the sea showing through, not a line colour.
    const lines = [
      ...new Set(
        [...document.querySelectorAll('.arc:not(.hollow)')].map(
          (el) => getComputedStyle(el).stroke,
        ),
      ),
    ];
    /** The colour behind an element: its own background or the nearest ancestor's. */
    const behind = (el: Element | null): string => {
      for (let at = el; at; at = at.parentElement) {
        const bg = getComputedStyle(at).backgroundColor;
        if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)';
    };
    const texts = [
      ...document.querySelectorAll(
        'blockquote, mark, h1, h2, .progress, .note p, .legend li, .step-key li, .controls button',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({
        text: el.textContent?.slice(0, 30) ?? '',
        color: getComputedStyle(el).color,
        background: behind(el),
      }));
    return { sea, land, roles, lines, texts };
  });
  expect(colours.lines.length).toBeGreaterThan(3);
  expect(colours.roles.length).toBeGreaterThan(3);
  const low: string[] = [];
  for (const line of colours.lines)
    for (const [name, ground] of [
      ['sea', colours.sea],
      ['land', colours.land],
      ...colours.roles.map((r) => ['role fill', r]),
    ] as const) {
      const ratio = contrast(line, ground);
      if (ratio < min.line) low.push(`${line} on ${name} ${ground}: ${ratio.toFixed(2)}`);
    }
  expect(colours.texts.length).toBeGreaterThan(5);
  for (const { text, color, background } of colours.texts) {
    const ratio = contrast(color, background);
    if (ratio < min.text) low.push(`"${text}" ${color}: ${ratio.toFixed(2)}`);
  }
  expect(low).toEqual([]);
}
