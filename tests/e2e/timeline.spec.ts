import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap, panel } from './helpers';

const asOf = (page: import('@playwright/test').Page) => page.locator('time[data-asof]');

test('?date=1970-01-01 shows the Soviet Union linked to North Korea and no 2024 pact', async ({
  page,
}) => {
  await openMap(page, '/?date=1970-01-01');
  await expect(asOf(page)).toHaveAttribute('datetime', '1970-01-01');
  await expect(page.locator('[data-actor="SUN"]')).toHaveAttribute('aria-label', /^Soviet Union/);
  await expect(page.locator('[data-actor="RUS"]')).toHaveCount(0);
  await expect(page.locator('[data-relation="treaty-1961"]')).toHaveAttribute(
    'data-status',
    'in-force',
  );
  await expect(page.locator('[data-relation="treaty-1961"]')).toHaveAttribute(
    'aria-label',
    /^Soviet Union ↔ North Korea/,
  );
  await expect(page.locator('[data-relation="pact-2024"]')).toHaveCount(0);
});

test('?date=2024-07-01 shows the pact, and the 1961 treaty only as lapsed', async ({ page }) => {
  await openMap(page, '/?date=2024-07-01');
  await expect(page.locator('[data-relation="pact-2024"]')).toHaveCount(1);
  await expect(page.locator('[data-relation="treaty-1961"]')).toHaveAttribute(
    'data-status',
    'lapsed',
  );
  await expect(page.locator('[data-actor="SUN"]')).toHaveCount(0);
});

test('Finland is a NATO member on 2024-07-01 and not on 2023-01-01', async ({ page }) => {
  await openMap(page, '/?date=2024-07-01');
  await expect(page.locator('[data-actor="FIN"]')).toHaveAttribute('data-groups', 'NATO');
  await openMap(page, '/?date=2023-01-01');
  await expect(page.locator('[data-actor="FIN"]')).not.toHaveAttribute('data-groups', /NATO/);
  await expect(page.locator('[data-actor="SWE"]')).not.toHaveAttribute('data-groups', /NATO/);
  await expect(page.locator('[data-actor="POL"]')).toHaveAttribute('data-groups', 'NATO');
});

test('choosing an event moves the date, opens its passage and puts it in the URL', async ({
  page,
}) => {
  await openMap(page);
  await page.locator('[data-event-id="treaty-1961-signed"]').click();
  await expect(asOf(page)).toHaveAttribute('datetime', '1961-07-06');
  await expect(panel(page)).toContainText('6 July 1961');
  await expect(panel(page).locator('blockquote').first()).toContainText('1961 treaty');
  // The event carries its date: the address names the event alone.
  await expect(page).toHaveURL(/\/#\/event\/treaty-1961-signed$/);
  // The event's relations are brought forward; the other lines fade.
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);
  await expect(page.locator('[data-relation="treaty-1961"]')).toHaveClass(/\blit\b/);
  await page.locator('[data-event-id="drones-2022"]').click();
  await expect(page.locator('[data-relation="drones-irn-rus"]')).toHaveClass(/\blit\b/);
  await expect(page.locator('[data-relation="war-rus-ukr"]')).not.toHaveClass(/\blit\b/);
});

test('arrow keys walk the events along the timeline', async ({ page }) => {
  await openMap(page);
  const first = page.locator('[data-event-id]').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
  await expect(page.locator(`[data-event-id="${second}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveURL(new RegExp(`#/event/${second}$`));
  const dateAfterOne = await asOf(page).getAttribute('datetime');
  await page.keyboard.press('ArrowRight');
  const dateAfterTwo = await asOf(page).getAttribute('datetime');
  expect(dateAfterTwo! > dateAfterOne!).toBe(true);
  await page.keyboard.press('End');
  await expect(page.locator('[data-event-id]').last()).toHaveAttribute('aria-current', 'true');
});

test('an event deep link opens the map at that event’s date', async ({ page }) => {
  await openMap(page, '/#/event/visit-2000');
  await expect(asOf(page)).toHaveAttribute('datetime', '2000-07-19');
  await expect(page.locator('[data-relation="treaty-2000"]')).toHaveAttribute(
    'data-status',
    'in-force',
  );
});

test('selecting a relation marks its events on the timeline', async ({ page }) => {
  await openMap(page, '/#/relation/pact-2024');
  await expect(page.locator('[data-event-id="treaty-1961-signed"]')).toHaveClass(/related/);
  await expect(page.locator('[data-event-id="pact-2024-in-force"]')).toHaveClass(/related/);
  await expect(page.locator('[data-event-id="drones-2022"]')).not.toHaveClass(/related/);
});

test('the slider sets the date and the map follows', async ({ page }) => {
  await openMap(page);
  const slider = page.locator('[data-timeline="slider"]');
  await slider.focus();
  await slider.press('Home');
  await expect(page.locator('[data-relation="pact-2024"]')).toHaveCount(0);
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}/);
  await page.getByRole('button', { name: /Back to 19 June 2024/ }).click();
  await expect(asOf(page)).toHaveAttribute('datetime', '2024-06-19');
});

test('play steps through the events and pause stops it', async ({ page }) => {
  // The clock runs at the real pace as well as when the test moves it on: on a busy machine a
  // step may come on its own, so the test reads where play is rather than counting steps.
  await page.clock.install();
  await openMap(page);
  /** The position of the event shown as current in the strip, or -1. */
  const current = () =>
    page
      .locator('[data-event-id]')
      .evaluateAll((buttons) =>
        buttons.findIndex((b) => b.getAttribute('aria-current') === 'true'),
      );
  const play = page.locator('[data-timeline="play"]');
  await play.click();
  await expect.poll(current).toBeGreaterThanOrEqual(0);
  const started = await current();
  await page.clock.runFor(2000);
  await expect.poll(current).toBeGreaterThan(started);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  // The last step's emphasis lands a frame after it: read where play stopped once it has.
  await page.clock.runFor(500);
  const stopped = await current();
  await page.clock.runFor(4000);
  expect(await current()).toBe(stopped);
});

test('the page opens with the strip in place, without motion, so its paint is measured', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { lcp: string[] }).lcp = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[])
        seen.push(entry.element?.closest('[role="status"]') ? 'loading' : 'story');
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await openMap(page);
  // The strip shows the story's date at once (it is scrolled, and stays where it is). It is placed
  // once the page's frame after it has been painted: wait for that (before it, the strip can stand
  // at its first snap point, a pixel or two in).
  const strip = page.locator('.strip');
  await expect.poll(() => strip.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const first = await strip.evaluate((el) => el.scrollLeft);
  // Over the next frames it does not move: no scroll event, no other position.
  const moved = await strip.evaluate(async (el) => {
    let scrolled = false;
    el.addEventListener('scroll', () => (scrolled = true));
    for (let i = 0; i < 30; i++) await new Promise(requestAnimationFrame);
    return scrolled || el.scrollLeft;
  });
  expect(moved).toBe(first);
  // A smooth scroll at load counts as the reader scrolling: Chrome would stop at the placeholder.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { lcp: string[] }).lcp.at(-1)))
    .toBe('story');
});

test('two presses of › in one moment go two events on, not one', async ({ page }) => {
  await openMap(page);
  const first = page.locator('[data-event-id]').first();
  await first.click();
  const ids = await page
    .locator('[data-event-id]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-event-id')));
  // Both presses land before the next frame, when the map's emphasis catches up.
  await page.locator('[data-timeline="next"]').evaluate((next: HTMLElement) => {
    next.click();
    next.click();
  });
  await expect(page).toHaveURL(new RegExp(`#/event/${ids[2]}$`));
});

/** The story's own shorter labels of its spans, by their whole label. */
const SHORT_LABELS = new Map<string, string[]>(
  (
    JSON.parse(
      readFileSync(
        new URL('../../static/stories/russia-north-korea-2024.json', import.meta.url),
        'utf8',
      ),
    ) as { spans: { label: string; shortLabel?: string }[] }
  ).spans.map((s) => [s.label, s.shortLabel ? [s.shortLabel] : []]),
);

/**
 * Every band of the timeline is named at every width: by its whole name, or by the name shortened
 * at a word with an ellipsis (the whole name is the band's title and in the drawing's name), in
 * its own row, inside the drawing, over no other name.
 */
for (const width of [320, 390, 768, 1280, 1920])
  test(`every timeline band is named, whole or shortened at a word, at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openMap(page);
    const bands = page.locator('.timeline .bands');
    await expect(bands.locator('[data-band-label]').first()).toBeVisible();
    const found = await bands.evaluate((svg) => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll<SVGGElement>('g.band')].map((band) => {
        const text = band.querySelector<SVGTextElement>('[data-band-label]');
        const box = text?.getBoundingClientRect();
        const rect = band.querySelector('rect')!.getBoundingClientRect();
        return {
          name: band.querySelector('title')?.textContent ?? '',
          text: text?.textContent ?? null,
          left: box ? box.left - frame.left : 0,
          right: box ? box.right - frame.left : 0,
          top: box?.top ?? 0,
          bottom: box?.bottom ?? 0,
          row: [rect.top, rect.bottom] as const,
          width: frame.width,
        };
      });
    });
    const label = (await bands.getAttribute('aria-label')) ?? '';
    const problems: string[] = [];
    for (const b of found) {
      if (!label.includes(b.name)) problems.push(`"${b.name}" is not in the drawing's name`);
      if (b.text === null) {
        problems.push(`"${b.name}" has no label`);
        continue;
      }
      // A gap's name is its name and its length ("… · 23 years and 11 months"): either will do.
      const parts = [b.name, ...b.name.split(' · '), ...(SHORT_LABELS.get(b.name) ?? [])];
      const whole = parts.includes(b.text);
      const stem = b.text.slice(0, -1);
      const atWord =
        b.text.endsWith('…') &&
        parts.some((part) => part.startsWith(stem) && /^\s/.test(part.slice(stem.length)));
      if (!whole && !atWord) problems.push(`"${b.text}" is "${b.name}" cut inside a word`);
      if (b.left < -1 || b.right > b.width + 1) problems.push(`"${b.text}" runs off the drawing`);
      const middle = (b.top + b.bottom) / 2;
      if (middle < b.row[0] || middle > b.row[1]) problems.push(`"${b.text}" is not in its row`);
    }
    for (let i = 0; i < found.length; i++)
      for (let j = i + 1; j < found.length; j++) {
        const a = found[i]!;
        const b = found[j]!;
        if (!a.text || !b.text) continue;
        const apart = a.right <= b.left + 1 || b.right <= a.left + 1;
        const rows = a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
        if (!apart && !rows) problems.push(`"${a.text}" and "${b.text}" overlap`);
      }
    expect(problems).toEqual([]);
  });

/**
 * The timeline's width comes from a ResizeObserver alone (no layout forced as it mounts): the
 * drawing spans its track when the page opens, and again after the window is resized.
 */
test('the timeline is drawn across its track, and redrawn to it when the window is resized', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(page);
  const track = page.locator('.timeline .track');
  const axis = page.locator('.timeline .bands line.axis');
  const spans = async () =>
    track.evaluate((element) => ({
      track: element.clientWidth,
      axis: Number(element.querySelector('line.axis')?.getAttribute('x2') ?? 0),
    }));
  await expect(axis).toHaveCount(1);
  const wide = await spans();
  expect(wide.track).toBeGreaterThan(600);
  expect(Math.abs(wide.axis - wide.track)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1600, height: 800 });
  await expect.poll(async () => (await spans()).axis).toBeGreaterThan(wide.axis);
  const wider = await spans();
  expect(Math.abs(wider.axis - wider.track)).toBeLessThanOrEqual(1);
});
