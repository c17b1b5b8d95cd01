import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap } from './helpers';

const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../static/stories/${file}`, import.meta.url), 'utf8'));
const story = {
  ...(read('russia-north-korea-2024.json') as { title: string }),
  ...(read('russia-north-korea-2024.presentation.json') as { steps: { title: string }[] }),
};
const STEPS = story.steps.length;
const progress = (page: Page) => page.locator('.caption [data-progress]');

async function openPresentation(page: Page, hash = '') {
  await openMap(page, `/?mode=present${hash}`);
  await expect(page.locator('.caption')).toBeVisible();
}

test('the keyboard walks every step and back, as a clicker does', async ({ page }) => {
  await openPresentation(page);
  await expect(progress(page)).toHaveText(`Step 1 / ${STEPS}`);
  for (let i = 2; i <= STEPS; i++) {
    await page.keyboard.press(['ArrowRight', 'PageDown', ' ', 'ArrowDown'][i % 4]!);
    await expect(progress(page)).toHaveText(`Step ${i} / ${STEPS}`);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(story.steps[i - 1]!.title);
  }
  await page.keyboard.press('ArrowRight');
  await expect(progress(page)).toHaveText(`Step ${STEPS} / ${STEPS}`);
  await page.keyboard.press('PageUp');
  await expect(progress(page)).toHaveText(`Step ${STEPS - 1} / ${STEPS}`);
  await page.keyboard.press('Home');
  await expect(progress(page)).toHaveText(`Step 1 / ${STEPS}`);
  await page.keyboard.press('End');
  await expect(progress(page)).toHaveText(`Step ${STEPS} / ${STEPS}`);
  await expect(page).toHaveURL(new RegExp(`#/step/${STEPS}$`));
});

test('a step sets the date and highlights its relations; the caption quotes the article', async ({
  page,
}) => {
  const article = readFileSync(
    new URL('../../static/stories/russia-north-korea-2024.txt', import.meta.url),
    'utf8',
  );
  await openPresentation(page, '#/step/1');
  await expect(page.locator('.stage-map time')).toHaveAttribute('datetime', '1961-07-06');
  // Drawn bright: nothing fades, or the treaty is among the lines brought forward.
  await expect(
    page.locator(
      '.relations:not(.fading) [data-relation="treaty-1961"], .relations.fading [data-relation="treaty-1961"].lit',
    ),
  ).toHaveCount(1);
  for (const quote of await page.locator('.caption blockquote').allTextContents())
    expect(article).toContain(quote.trim());
});

test('a step link opens that step; a step past the end opens the last with a notice', async ({
  page,
}) => {
  await openPresentation(page, '#/step/3');
  await expect(progress(page)).toHaveText(`Step 3 / ${STEPS}`);
  await openPresentation(page, '#/step/99');
  await expect(progress(page)).toHaveText(`Step ${STEPS} / ${STEPS}`);
  await expect(
    page.getByText(`There is no step 99; this presentation has ${STEPS} steps.`),
  ).toBeVisible();
});

test('body text is at least 28 px on a 1920×1080 projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPresentation(page, '#/step/5');
  const size = await page
    .locator('.caption blockquote')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
});

/** The map's zoom level stays the same over `frames` frames: no flight is under way. */
function still(page: Page, frames = 10): Promise<boolean> {
  return page.evaluate(async (n) => {
    const svg = document.querySelector('svg.map')!;
    const level = svg.getAttribute('data-zoom-level');
    for (let i = 0; i < n; i++) {
      await new Promise(requestAnimationFrame);
      if (svg.getAttribute('data-zoom-level') !== level) return false;
    }
    return true;
  }, frames);
}

/** Every zoom level the map passes through when the presentation moves on. */
async function levelsDuringStep(page: Page): Promise<string[]> {
  // The zoom code arrives when the page is idle; the first step's flight must be over: the map
  // has left the whole world's level and come to rest.
  await expect(page.locator('button[data-zoom="in"]')).toBeVisible();
  await expect(page.locator('svg.map')).not.toHaveAttribute('data-zoom-level', '1.00');
  await expect.poll(() => still(page)).toBe(true);
  await page.evaluate(() => {
    const svg = document.querySelector('svg.map')!;
    const seen: string[] = ((window as unknown as { levels: string[] }).levels = [
      svg.getAttribute('data-zoom-level')!,
    ]);
    new MutationObserver(() => seen.push(svg.getAttribute('data-zoom-level')!)).observe(svg, {
      attributeFilter: ['data-zoom-level'],
    });
  });
  await page.keyboard.press('ArrowRight');
  const levels = () =>
    page.evaluate(() => [...new Set((window as unknown as { levels: string[] }).levels)]);
  // The next step's framing has begun, and has come to rest.
  await expect.poll(async () => (await levels()).length).toBeGreaterThan(1);
  await expect.poll(() => still(page)).toBe(true);
  return levels();
}

test('with reduced motion the map jumps to each step without animating', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPresentation(page, '#/step/10');
  const levels = await levelsDuringStep(page);
  expect(levels).toHaveLength(2);
});

test('without reduced motion the map flies between steps', async ({ page }) => {
  await openPresentation(page, '#/step/10');
  const levels = await levelsDuringStep(page);
  // At least one level between where it was and where it lands.
  expect(levels.length).toBeGreaterThan(2);
});

test('B blanks the screen and brings it back; Esc leaves for the full page', async ({ page }) => {
  await openPresentation(page);
  await page.keyboard.press('b');
  await expect(page.locator('.blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.locator('.blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('.caption')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);
  await expect(page).not.toHaveURL(/mode=present/);
});

test('a swipe on a touch screen moves between steps', async ({ page }) => {
  await openPresentation(page, '#/step/2');
  const swipe = async (from: number, to: number) => {
    await page.locator('.present').dispatchEvent('pointerdown', {
      pointerType: 'touch',
      pointerId: 7,
      clientX: from,
      clientY: 400,
      isPrimary: true,
    });
    await page.locator('.present').dispatchEvent('pointerup', {
      pointerType: 'touch',
      pointerId: 7,
      clientX: to,
      clientY: 410,
      isPrimary: true,
    });
  };
  await swipe(600, 300);
  await expect(progress(page)).toHaveText(`Step 3 / ${STEPS}`);
  await swipe(300, 600);
  await expect(progress(page)).toHaveText(`Step 2 / ${STEPS}`);
});

test('when full screen is refused the presentation still works in the window', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () =>
      Promise.reject(new TypeError('Permissions check failed'));
  });
  await openPresentation(page);
  await page.keyboard.press('f');
  await expect(page.locator('.caption [role="status"]')).toContainText(
    'Full screen is not available',
  );
  await page.keyboard.press('ArrowRight');
  await expect(progress(page)).toHaveText(`Step 2 / ${STEPS}`);
});

test('the Present button on the full page fetches the steps and starts the presentation', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.presentation.json')) fetched.push(request.url());
  });
  await openMap(page);
  await page.waitForLoadState('networkidle');
  // A reader who never presents never downloads the speaker notes.
  expect(fetched).toEqual([]);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(progress(page)).toHaveText(`Step 1 / ${STEPS}`);
  await expect(page).toHaveURL(/mode=present.*#\/step\/1$/);
  expect(fetched).toHaveLength(1);
});

test('a broken presentation file is named in a notice, and the map stays', async ({ page }) => {
  await page.route('**/russia-north-korea-2024.presentation.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ steps: [{ id: 'x', title: 'X', actors: ['ATLANTIS'] }] }),
    }),
  );
  await openMap(page);
  await page.getByRole('button', { name: 'Present' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'presentation could not be loaded' });
  await expect(notice).toContainText(
    'stories/russia-north-korea-2024.presentation.json: steps[0] "x" → actors',
  );
  await expect(page.locator('.caption')).toHaveCount(0);
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
});

test('?mode=present with a missing presentation file says which file, not a blank page', async ({
  page,
}) => {
  await page.route('**/russia-north-korea-2024.presentation.json', (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  await page.goto('/?mode=present');
  await expect(page.getByRole('alert')).toContainText(
    'presentation “russia-north-korea-2024.presentation.json” was not found',
  );
});

test('the presenter window follows the main window, and drives it', async ({ page, context }) => {
  await openPresentation(page, '#/step/1');
  const notes = await context.newPage();
  await notes.goto('/?mode=presenter#/step/1');
  await expect(notes.locator('[data-presenter] [data-progress]')).toHaveText(`Step 1 / ${STEPS}`);
  await expect(notes.locator('[data-speaker-notes]')).toContainText('Khrushchev');
  await page.keyboard.press('ArrowRight');
  await expect(notes.locator('[data-presenter] [data-progress]')).toHaveText(`Step 2 / ${STEPS}`);
  await notes.getByRole('button', { name: 'Next ›' }).click();
  await expect(progress(page)).toHaveText(`Step 3 / ${STEPS}`);
  await expect(notes.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
});

test('Speaker notes opens the presenter window', async ({ page, context }) => {
  await openPresentation(page, '#/step/4');
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Speaker notes' }).click(),
  ]);
  await expect(popup.locator('[data-presenter] [data-progress]')).toHaveText(`Step 4 / ${STEPS}`);
});
