/**
 * Embedding in a news article (issue #5), in real Chromium: embed mode, the iframe that sizes
 * itself (with the real pym.js from npm, and with our own snippet), selection messages both ways,
 * the sandboxed iframe, gestures that never trap the reader's scrolling, and the "Embed" code.
 * Host pages live in tests/hosts/ and are served, like the app, with the strict CSP as an HTTP
 * header (tests/hosts/server.mjs); every test also checks that nothing was blocked, nothing threw
 * and nothing was fetched from another origin.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  contentHeight,
  expectSizedToContent,
  mapFrame,
  ORIGIN,
  STRICT_CSP,
  watch,
} from './hosting';
import { expectNoAxeViolations } from './helpers';

const panelHeading = (scope: Page | ReturnType<Page['frameLocator']>) =>
  scope.locator('[data-panel]').getByRole('heading', { level: 2 });

test.describe('embed mode', () => {
  for (const width of [280, 390, 800]) {
    test(`at ${width} px it shows title, map, key, panel and source line without the page header, and never scrolls sideways`, async ({
      page,
    }) => {
      const watched = await watch(page);
      await page.setViewportSize({ width, height: 700 });
      await page.goto(`${ORIGIN}/?mode=embed`);
      await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
      await expect(
        page.getByRole('heading', { level: 1, name: /Russia and North Korea/ }),
      ).toHaveCSS('font-size', '20px');
      await expect(page.getByRole('toolbar')).toHaveCount(0);
      await expect(page.locator('.masthead .kicker, .masthead .dek')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Key' })).toBeVisible();
      await expect(page.locator('footer.credit')).toContainText('Natural Earth');
      const sideways = () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
      expect(await sideways()).toBe(0);
      // A reader taps the marker itself; at these widths North Korea's label sits out on a
      // leader line, so the middle of the whole marker-and-label box is open map.
      await page.locator('[data-actor="PRK"] circle.hit').click();
      await expect(panelHeading(page)).toHaveText('North Korea');
      await expect(page.locator('[data-panel]')).toBeInViewport({ ratio: 0.1 });
      expect(await sideways()).toBe(0);
      expect(await watched.problems()).toEqual([]);
      expect(watched.foreign).toEqual([]);
    });
  }

  test('the page and the embed run under the strict CSP sent as an HTTP header, with no violation', async ({
    page,
  }) => {
    const watched = await watch(page);
    const response = await page.goto(`${ORIGIN}/`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
    await page.locator('[data-actor="RUS"]').click();
    await expect(panelHeading(page)).toHaveText('Russia');
    await page.locator('button[data-zoom="in"]').click();
    await page.getByRole('button', { name: 'Embed' }).click();
    await expect(page.getByRole('dialog', { name: 'Embed this map' })).toBeVisible();
    await page.keyboard.press('Escape');

    await page.goto(`${ORIGIN}/?mode=embed#/relation/pact-2024`);
    await expect(panelHeading(page)).toContainText('Russia ↔ North Korea');
    await page.locator('[data-actor="CHN"]').click();
    await expect(panelHeading(page)).toHaveText('China');
    expect(await watched.problems()).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });
});

test.describe('in an iframe', () => {
  test('a host page using pym.js’s own Parent gets the iframe sized to the map after load, after the panel opens and after a resize', async ({
    page,
  }) => {
    const watched = await watch(page);
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(`${ORIGIN}/hosts/pym.html`);
    const selector = '#alliance-map-pym iframe';
    const { locator, frame } = await mapFrame(page, selector);
    expect(frame.url()).toContain('childId=alliance-map-pym');
    // The timeline comes once the map is painted; the page's loaded height includes it.
    await expect(locator.locator('[data-timeline="slider"]')).toBeAttached();
    const loaded = await expectSizedToContent(page, selector, frame);
    expect(loaded).toBeGreaterThan(600);

    await locator.locator('[data-actor="PRK"]').click();
    await expect(panelHeading(locator)).toHaveText('North Korea');
    const withPanel = await expectSizedToContent(page, selector, frame);
    expect(withPanel).toBeGreaterThan(loaded + 200);

    // pym's Parent sends the new width on resize; the map answers with its new height.
    await page.setViewportSize({ width: 420, height: 800 });
    const narrow = await expectSizedToContent(page, selector, frame);
    expect(narrow).not.toBe(withPanel);
    expect(await watched.problems()).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test('the iframe snippet sizes itself, answers pym’s width message and exchanges selections with the host page', async ({
    page,
  }) => {
    const watched = await watch(page);
    await page.goto(`${ORIGIN}/hosts/iframe.html`);
    const selector = 'iframe[data-alliance-map]';
    const { locator, frame } = await mapFrame(page, selector);
    await expectSizedToContent(page, selector, frame);
    const historyLength = await page.evaluate(() => history.length);

    // pym's width message gets the height back in pym's format.
    const reply = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          addEventListener('message', (event) => {
            if (typeof event.data === 'string' && event.data.includes('xPYMxheightxPYMx'))
              resolve(event.data);
          });
          document
            .querySelector('iframe')!
            .contentWindow!.postMessage(
              'pymxPYMxalliance-map-russia-north-korea-2024xPYMxwidthxPYMx640',
              '*',
            );
        }),
    );
    expect(reply).toMatch(/^pymxPYMxalliance-map-russia-north-korea-2024xPYMxheightxPYMx\d+$/);

    // A selection in the map is announced to the host page…
    await locator.locator('[data-actor="RUS"]').click();
    await expect
      .poll(() => page.evaluate(() => window.hostLog.messages.at(-1)))
      .toEqual({ type: 'alliance-map:select', target: { kind: 'actor', id: 'RUS' } });

    // …and the host page can select, as an object or as a JSON string, or clear.
    const post = (data: unknown) =>
      page.evaluate(
        (d) => document.querySelector('iframe')!.contentWindow!.postMessage(d, '*'),
        data,
      );
    await post({ type: 'alliance-map:select', target: { kind: 'relation', id: 'pact-2024' } });
    await expect(panelHeading(locator)).toContainText('Russia ↔ North Korea');
    await post('{"type":"alliance-map:select","target":{"kind":"actor","id":"PRK"}}');
    await expect(panelHeading(locator)).toHaveText('North Korea');

    // Malformed or hostile messages change nothing and navigate nowhere. (The address follows a
    // selection once its panel is painted: wait for it before taking it as the reference.)
    await expect.poll(() => frame.url()).toMatch(/#\/actor\/PRK$/);
    const url = frame.url();
    for (const data of [
      { type: 'alliance-map:select', target: { kind: 'actor', id: 'javascript:alert(1)' } },
      { type: 'alliance-map:select', target: { kind: 'script', id: 'RUS' } },
      { type: 'alliance-map:select', target: 'actor/RUS' },
      { type: 'alliance-map:select' },
      '{"type":"alliance-map:select",',
      'alert(document.domain)',
      'pymxPYMxalliance-map-russia-north-korea-2024xPYMxnavigateToxPYMxhttps://example.com/',
      'pymxPYMxalliance-map-russia-north-korea-2024xPYMxwidthxPYMx<img src=x>',
      null,
      42,
    ]) {
      await post(data);
    }
    // Messages arrive in order: once a valid one after them is shown, they have all been read.
    const announced = await page.evaluate(() => window.hostLog.messages.length);
    await post({ type: 'alliance-map:select', target: { kind: 'actor', id: 'CHN' } });
    await expect(panelHeading(locator)).toHaveText('China');
    // Nothing in between was selected (each selection is announced to the host page)…
    await expect
      .poll(() => page.evaluate((n) => window.hostLog.messages.slice(n), announced))
      .toEqual([{ type: 'alliance-map:select', target: { kind: 'actor', id: 'CHN' } }]);
    // …and nothing navigated: the frame's address is the one before, with the new selection.
    await expect.poll(() => frame.url()).toBe(url.replace(/#\/actor\/PRK$/, '#/actor/CHN'));

    await post({ type: 'alliance-map:select', target: null });
    await expect(locator.locator('[data-panel]')).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => window.hostLog.messages.at(-1)))
      .toEqual({ type: 'alliance-map:select', target: null });
    // Selections inside the article's map never pile up in the reader's back button.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await watched.problems()).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });

  test('a wheel over the unfocused map scrolls the article and says how to zoom; Ctrl or a click lets the map zoom', async ({
    page,
  }) => {
    const watched = await watch(page);
    await page.setViewportSize({ width: 800, height: 800 });
    await page.goto(`${ORIGIN}/hosts/iframe.html`);
    const selector = 'iframe[data-alliance-map]';
    const { locator, frame } = await mapFrame(page, selector);
    await expectSizedToContent(page, selector, frame);
    await page.evaluate(() =>
      scrollTo(
        0,
        document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY - 40,
      ),
    );
    const map = locator.locator('svg.map');
    const zoom = () => map.getAttribute('data-zoom-level');
    const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    const startZoom = await zoom();
    const startScroll = await scrollY();
    await page.mouse.wheel(0, 300);
    await expect.poll(scrollY).toBeGreaterThan(startScroll);
    await expect(locator.locator('[data-gesture-hint]')).toHaveText(
      'Click the map or hold Ctrl/⌘ to zoom',
    );
    expect(await zoom()).toBe(startZoom);

    // Ctrl + wheel zooms the map without scrolling the page.
    const box2 = (await map.boundingBox())!;
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    const beforeCtrl = await scrollY();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(zoom).not.toBe(startZoom);
    expect(await scrollY()).toBe(beforeCtrl);

    // Once the map has been clicked, a plain wheel zooms it.
    await page.mouse.click(box2.x + 12, box2.y + box2.height - 12);
    const clickedZoom = await zoom();
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    await page.mouse.wheel(0, -200);
    await expect.poll(zoom).not.toBe(clickedZoom);
    expect(await scrollY()).toBe(beforeCtrl);
    expect(await watched.problems()).toEqual([]);
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });

    test('one finger scrolls the article, two fingers move the map', async ({ page, context }) => {
      const watched = await watch(page);
      await page.setViewportSize({ width: 800, height: 800 });
      await page.goto(`${ORIGIN}/hosts/iframe.html`);
      const { locator, frame } = await mapFrame(page);
      await page.evaluate(() =>
        scrollTo(
          0,
          document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY - 40,
        ),
      );
      /** Where Russia's marker sits on the map: it moves when, and only when, the map does. */
      const view = () =>
        frame.evaluate(() => {
          const map = document.querySelector('svg.map')!.getBoundingClientRect();
          const marker = document
            .querySelector('[data-marker][data-actor="RUS"]')!
            .getBoundingClientRect();
          return `${Math.round(marker.x - map.x)},${Math.round(marker.y - map.y)}`;
        });
      const cdp = await context.newCDPSession(page);
      const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
      const swipe = async (fingers: number, dx: number, dy: number) => {
        const box = (await locator.locator('svg.map').boundingBox())!;
        const start = Array.from({ length: fingers }, (_, i) => ({
          x: box.x + box.width / 2 + (i - 0.5) * 80,
          y: box.y + box.height / 2,
          id: i,
        }));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: start });
        for (let step = 1; step <= 10; step++) {
          const points = start.map((p) => ({
            ...p,
            x: p.x + (dx * step) / 10,
            y: p.y + (dy * step) / 10,
          }));
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points });
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };

      /** The page's scroll position once a fling has come to rest. */
      const settled = async () => {
        let last = -1;
        await expect
          .poll(
            async () => {
              const now = await scrollY();
              const still = now === last;
              last = now;
              return still;
            },
            { intervals: [250] },
          )
          .toBe(true);
        return last;
      };

      const start = await view();
      const top = await scrollY();
      await swipe(1, 0, -200);
      await expect.poll(scrollY).toBeGreaterThan(top);
      expect(await view()).toBe(start);
      await expect(locator.locator('[data-gesture-hint]')).toHaveText(
        'Use two fingers to move the map',
      );

      await settled();
      // The reader puts two fingers on the map where they see it: the fling may have carried it
      // off screen (how far depends on the swipe's timing), and touches off screen reach nothing.
      await page.evaluate(() =>
        scrollTo(
          0,
          document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY - 40,
        ),
      );
      const scrolled = await settled();
      await swipe(2, 100, 0);
      await expect.poll(view).not.toBe(start);
      expect(await scrollY()).toBe(scrolled);
      expect(await watched.problems()).toEqual([]);
    });
  });

  test('in a sandbox with scripts only (no same origin) the map works, talks to its host, and degrades without errors where clipboard and full screen are denied', async ({
    page,
  }) => {
    const watched = await watch(page);
    await page.goto(`${ORIGIN}/hosts/sandbox.html`);
    const embed = await mapFrame(page, 'iframe#embed');
    expect(await embed.frame.evaluate(() => origin)).toBe('null');
    await expectSizedToContent(page, 'iframe#embed', embed.frame);
    await embed.locator.locator('[data-actor="RUS"]').click();
    await expect(panelHeading(embed.locator)).toHaveText('Russia');
    await expect
      .poll(() => page.evaluate(() => window.hostLog.messages.at(-1)?.target))
      .toEqual({ kind: 'actor', id: 'RUS' });
    await expectSizedToContent(page, 'iframe#embed', embed.frame);

    const full = await mapFrame(page, 'iframe#full');
    await full.locator.locator('[data-actor="PRK"]').click();
    await expect(panelHeading(full.locator)).toHaveText('North Korea');
    // The frame is phone-narrow: the embed code waits in the "More" menu there.
    await full.locator.getByRole('button', { name: 'More', exact: true }).click();
    await full.locator.getByRole('button', { name: 'Embed' }).click();
    const dialog = full.locator.getByRole('dialog', { name: 'Embed this map' });
    await dialog.getByRole('button', { name: 'Copy iframe code' }).click();
    await expect(dialog.locator('[data-snippet="iframe"] [role="status"]')).toHaveText(
      /^(Copied\.|Selected: press Ctrl\+C \(⌘C on a Mac\) to copy\.)$/,
    );
    await dialog.getByRole('button', { name: 'Close the embed code' }).click();
    await expect(dialog).toHaveCount(0);
    await full.locator.getByRole('button', { name: 'Present' }).click();
    await expect(full.locator.locator('svg.map[data-ready="true"]')).toBeVisible();
    // Full screen is refused in the sandbox: the presentation fills the frame, at its first step.
    await expect(full.locator.locator('.caption [data-progress]')).toContainText('1 /');
    expect(await watched.problems()).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });
});

test.describe('the Embed button', () => {
  test('gives copy-ready code for the current view: an iframe with title, lazy loading, full screen and the sizing script, and the element', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const watched = await watch(page);
    await page.goto(`${ORIGIN}/?date=2000-07-19#/actor/PRK`);
    await expect(panelHeading(page)).toHaveText('North Korea');
    const button = page.getByRole('button', { name: 'Embed' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await expect(dialog).toContainText('as of 19 July 2000, with North Korea selected');
    const iframe = await dialog.getByRole('textbox', { name: 'Iframe' }).inputValue();
    expect(iframe).toContain(
      `<iframe src="${ORIGIN}/?story=russia-north-korea-2024&amp;mode=embed&amp;date=2000-07-19&amp;childId=alliance-map-russia-north-korea-2024#/actor/PRK"`,
    );
    expect(iframe).toMatch(/title="Interactive map: [^"]+"/);
    expect(iframe).toContain('loading="lazy"');
    expect(iframe).toContain('allow="fullscreen"');
    expect(iframe).toContain(`<script type="module" src="${ORIGIN}/alliance-map.js"></script>`);
    const element = await dialog.getByRole('textbox', { name: 'Web component' }).inputValue();
    expect(element).toContain(
      '<alliance-map story="russia-north-korea-2024" date="2000-07-19" selection="actor/PRK"></alliance-map>',
    );

    await dialog.getByRole('button', { name: 'Copy web component code' }).click();
    await expect(dialog.locator('[data-snippet="element"] [role="status"]')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(element);

    // Escape closes the dialog only; the panel stays and focus returns to the button.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(panelHeading(page)).toHaveText('North Korea');
    expect(await watched.problems()).toEqual([]);
  });

  test('where the clipboard is refused, leaves the code selected with a note, and nothing fails', async ({
    page,
  }) => {
    const watched = await watch(page);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
      });
      document.execCommand = () => false;
    });
    await page.goto(`${ORIGIN}/`);
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.getByRole('button', { name: 'Copy iframe code' }).click();
    await expect(dialog.locator('[data-snippet="iframe"] [role="status"]')).toHaveText(
      'Selected: press Ctrl+C (⌘C on a Mac) to copy.',
    );
    const field = dialog.getByRole('textbox', { name: 'Iframe' });
    await expect(field).toBeFocused();
    const selection = await field.evaluate((el: HTMLTextAreaElement) => [
      el.selectionStart,
      el.selectionEnd,
      el.value.length,
    ]);
    expect(selection).toEqual([0, selection[2], selection[2]]);
    expect(await watched.problems()).toEqual([]);
  });

  test('a newsroom pastes either snippet into an article with a strict CSP and gets a map that sizes itself, fetching nothing from anywhere else', async ({
    page,
  }) => {
    await page.goto(`${ORIGIN}/#/relation/pact-2024`);
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    const iframe = await dialog.getByRole('textbox', { name: 'Iframe' }).inputValue();
    const element = await dialog.getByRole('textbox', { name: 'Web component' }).inputValue();

    const watched = await watch(page);
    await page.route(`${ORIGIN}/hosts/pasted.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': STRICT_CSP },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/hosts/article.css"></head>
<body><article><h1>Article</h1><p>Before.</p>\n${iframe}\n<p>Between.</p>\n${element}\n<p>After.</p></article></body></html>`,
      }),
    );
    await page.goto(`${ORIGIN}/hosts/pasted.html`);
    const { locator, frame } = await mapFrame(page);
    await expect(panelHeading(locator)).toContainText('Russia ↔ North Korea');
    await expectSizedToContent(page, 'iframe[data-alliance-map]', frame);
    expect(await contentHeight(frame)).toBeGreaterThan(600);
    await expect(page.locator('alliance-map svg.map[data-ready="true"]')).toBeVisible();
    await expect(
      page.locator('alliance-map [data-panel]').getByRole('heading', { level: 2 }),
    ).toContainText('Russia ↔ North Korea');
    expect(await watched.problems()).toEqual([]);
    expect(watched.foreign).toEqual([]);
  });
});

test.describe('accessibility', () => {
  for (const [name, url] of [
    ['embed mode', '/?mode=embed'],
    ['embed mode with a panel open', '/?mode=embed#/actor/PRK'],
  ] as const) {
    test(`axe finds no violations in ${name}`, async ({ page }) => {
      await page.goto(`${ORIGIN}${url}`);
      await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('axe finds no violations in the embed code dialog', async ({ page }) => {
    await page.goto(`${ORIGIN}/#/actor/RUS`);
    await page.getByRole('button', { name: 'Embed' }).click();
    await expect(page.getByRole('dialog', { name: 'Embed this map' })).toBeVisible();
    await expectNoAxeViolations(page, (axe) => axe.include('[data-embed-code]'));
  });

  test('axe finds no violations inside the <alliance-map> element', async ({ page }) => {
    await page.goto(`${ORIGIN}/hosts/components.html`);
    await expect(page.locator('#first svg.map[data-ready="true"]')).toBeVisible();
    await expectNoAxeViolations(page, (axe) =>
      axe
        .include('#first')
        .include('#second')
        // Two maps of one story on a page have regions of the same name ("Timeline"), each
        // inside its own element; and axe looks for skip-link targets in the document, not the
        // shadow root where they are (the element spec checks that the skip link works).
        .disableRules(['landmark-unique', 'skip-link']),
    );
  });
});
