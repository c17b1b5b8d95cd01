/**
 * The frame that answers a click: what it holds (the panel's heading, summary and first passage)
 * and what follows once it has been painted (the corrections, the other passages, the timeline,
 * the map's marking of the selection).
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
              notes: visible('[data-note]').filter((e) => !e.closest('.passage')).length,
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
    notes: await region
      .locator('[data-note]')
      .evaluateAll((all) => all.filter((e) => !e.closest('.passage')).length),
    timeline: true,
  };
}

test('the frame answering a click shows the heading, the summary and the first passage, and nothing else', async ({
  page,
}) => {
  await openMap(page);
  await page.locator('[data-marker][data-actor="RUS"]').click();
  await settled(page, 'Russia');

  // China: two corrections, passages and a timeline of its own.
  const first = frameShowing(page, 'China');
  await page.locator('[data-marker][data-actor="CHN"]').click();
  const frame = await first;
  const china = await settled(page, 'China');
  expect(china.notes).toBeGreaterThan(0);
  expect(china.passages.length).toBeGreaterThan(1);

  expect(frame.summary).toEqual(china.summary);
  expect(frame.passages).toEqual(china.passages.slice(0, 1));
  // The corrections under the summary, the other passages and the timeline wait for the paint;
  // so does the map's mark on the selected actor (Russia's still, for that frame).
  expect(frame.notes).toBe(0);
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
  expect(frame.notes).toBe(0);
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
