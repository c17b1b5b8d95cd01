/**
 * The frame that answers a click: what it holds (the panel's heading, summary, corrections and
 * first passage) and what follows once it has been painted (the corrections beside the first
 * passage, the other passages, the timeline, the map's marking of the selection).
 */
import { expect, test, type Page } from '@playwright/test';
import { openMap, panel } from './helpers';

/** What the reader sees in one frame: read from a frame callback, just before it is painted. */
interface Frame {
  heading: string;
  summary: string[];
  passages: string[];
  /** Corrections under the summary (not those beside a passage). */
  notes: number;
  /** Corrections beside the first passage. */
  beside: number;
  /** Where the first passage's "Show in article" button stands, from the foot of its quote. */
  button: number;
  /** Where the first passage's quote stands, from the top of the panel. */
  quote: number;
  timeline: boolean;
  marked: string[];
}

/**
 * Resolves with what the frame that first shows `heading` in the panel holds. A frame callback
 * runs after the click's own work and before that frame's paint, and nothing the page defers
 * past the paint can have run by then.
 */
function frameShowing(page: Page, heading: string): Promise<Frame> {
  return page.evaluate(
    (wanted) =>
      new Promise<Frame>((resolve) => {
        const visible = (selector: string) =>
          [...document.querySelectorAll<HTMLElement>(`[data-panel] ${selector}`)].filter((e) =>
            e.checkVisibility(),
          );
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-panel] h2')?.textContent !== wanted) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            resolve({
              heading: wanted,
              summary: visible('.meta').map((e) => e.textContent ?? ''),
              passages: visible('blockquote').map((e) => e.dataset.passage ?? ''),
              notes: visible('> [data-note]').length,
              beside: visible('.passage:first-of-type [data-note]').length,
              button:
                visible('.passage .show')[0]!.getBoundingClientRect().top -
                visible('.passage blockquote')[0]!.getBoundingClientRect().bottom,
              quote:
                visible('.passage blockquote')[0]!.getBoundingClientRect().top -
                document.querySelector('[data-panel]')!.getBoundingClientRect().top,
              timeline: visible('.panel-timeline h3').length > 0,
              marked: [...document.querySelectorAll<SVGElement>('[data-marker].selected')].map(
                (e) => e.dataset.actor ?? '',
              ),
            }),
          );
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    heading,
  );
}

/** What the panel shows once everything has followed. */
async function settled(page: Page, heading: string): Promise<Omit<Frame, 'marked'>> {
  const region = panel(page);
  await expect(region.locator('h2')).toHaveText(heading);
  await expect(region.locator('.panel-timeline')).toBeVisible();
  return {
    heading,
    summary: await region.locator('.meta').allTextContents(),
    passages: await region
      .locator('blockquote')
      .evaluateAll((all) => all.map((e) => (e as HTMLElement).dataset.passage ?? '')),
    notes: await region.locator(':scope > [data-note]').count(),
    beside: await region.locator('.passage').first().locator('[data-note]').count(),
    button: await region.evaluate(
      (panel) =>
        panel.querySelector('.passage .show')!.getBoundingClientRect().top -
        panel.querySelector('.passage blockquote')!.getBoundingClientRect().bottom,
    ),
    quote: await region.evaluate(
      (panel) =>
        panel.querySelector('.passage blockquote')!.getBoundingClientRect().top -
        panel.getBoundingClientRect().top,
    ),
    timeline: true,
  };
}

test('the frame answering a click shows the heading, the summary, the corrections and the first passage, and nothing else', async ({
  page,
}) => {
  await openMap(page);
  await page.locator('[data-marker][data-actor="RUS"]').click();
  await settled(page, 'Russia');

  // China: two corrections, one of them beside its first passage, passages and a timeline.
  const first = frameShowing(page, 'China');
  await page.locator('[data-marker][data-actor="CHN"]').click();
  const frame = await first;
  const china = await settled(page, 'China');
  expect(china.notes).toBeGreaterThan(0);
  expect(china.beside).toBeGreaterThan(0);
  expect(china.passages.length).toBeGreaterThan(1);

  expect(frame.summary).toEqual(china.summary);
  expect(frame.passages).toEqual(china.passages.slice(0, 1));
  // The corrections under the summary are in the frame: coming later, they would push the
  // passage under them down (out of view at this size).
  expect(frame.notes).toBe(china.notes);
  expect(frame.quote).toBe(china.quote);
  // Those beside the passage, the other passages and the timeline wait for the paint; so does
  // the map's mark on the selected actor (Russia's still).
  expect(frame.beside).toBe(0);
  // They come under the passage's button, which stays where the frame showed it, under its quote.
  expect(frame.button).toBe(china.button);
  expect(frame.timeline).toBe(false);
  expect(frame.marked).toEqual(['RUS']);
  await expect(page.locator('[data-marker].selected')).toHaveAttribute('data-actor', 'CHN');
});

test('the first selection is answered the same way, with nothing of the start panel left', async ({
  page,
}) => {
  await openMap(page);
  const first = frameShowing(page, 'China');
  await page.locator('[data-marker][data-actor="CHN"]').click();
  const frame = await first;
  const china = await settled(page, 'China');
  expect(frame.passages).toEqual(china.passages.slice(0, 1));
  expect(frame.notes).toBe(china.notes);
  expect(frame.quote).toBe(china.quote);
  expect(frame.timeline).toBe(false);
  await expect(page.locator('[data-start]')).toHaveCount(0);
});

test('clicks in quick succession end on the same panel as the last one’s link', async ({
  page,
  browser,
}) => {
  await openMap(page);
  await page.locator('[data-marker][data-actor="RUS"]').click();
  await page.locator('[data-marker][data-actor="CHN"]').click();
  await page.locator('[data-marker][data-actor="PRK"]').click();
  const clicked = await settled(page, 'North Korea');

  const linked = await browser.newPage();
  await openMap(linked, '/#/actor/PRK');
  expect(await settled(linked, 'North Korea')).toEqual(clicked);
  await linked.close();
  await expect(page.locator('[data-marker].selected')).toHaveAttribute('data-actor', 'PRK');
});

test('beside the map the panel keeps its box from one selection to the next', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(page, '/#/actor/RUS');
  await expect(panel(page).locator('.panel-timeline')).toBeVisible();
  const long = await panel(page).boundingBox();
  // Russia's passages run far below the panel's foot; NATO's 1999 enlargement fills a third of it.
  expect(await panel(page).evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
  await page.evaluate(() => (location.hash = '#/event/nato-1999'));
  await expect(panel(page)).toHaveAttribute('data-kind', 'event');
  await expect(panel(page).locator('.rest.pending')).toHaveCount(0);
  // (The timeline stands in at 40rem until it is first laid out in view: wait for its own size.)
  await expect
    .poll(() =>
      panel(page).evaluate((e) => {
        const foot = Math.max(...[...e.children].map((c) => c.getBoundingClientRect().bottom));
        return (foot - e.getBoundingClientRect().top) / e.clientHeight;
      }),
    )
    .toBeLessThan(0.6);
  expect(await panel(page).boundingBox()).toEqual(long);
  expect(long!.height).toBeGreaterThan(600);
});

test('a press on a marker opens its panel and leaves the focus where it was; the keyboard still reaches it', async ({
  page,
}) => {
  await openMap(page);
  const present = page.getByRole('button', { name: 'Present' });
  await present.focus();
  await page.locator('[data-marker][data-actor="CHN"]').click();
  await expect(panel(page).locator('h2')).toHaveText('China');
  await expect(present).toBeFocused();
  await page.locator('[data-marker][data-actor="PRK"]').focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('h2')).toHaveText('North Korea');
  await expect(page.locator('[data-marker][data-actor="PRK"]')).toBeFocused();
});
