/**
 * The map as a graphics desk would check it: framed on the story's actors at start, a label for
 * every marker in view at every size and presentation step (none over another, none far from its
 * marker without a leader line), and selections and zoom that head for what the reader chose.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openMap } from './helpers';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Serves a test story from tests/fixtures as if it were in static/stories. */
async function serveFixture(page: Page, slug: string) {
  for (const ext of ['json', 'txt'] as const)
    await page.route(`**/stories/${slug}.${ext}`, (route) =>
      route.fulfill({
        body: fixture(`${slug}.${ext}`),
        contentType: ext === 'json' ? 'application/json' : 'text/plain',
      }),
    );
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Geometry {
  map: Rect;
  markers: { id: string; x: number; y: number; label: Rect | null; leader: boolean }[];
}

/** Where every marker and label is on screen, relative to the map. */
async function geometry(page: Page): Promise<Geometry> {
  return page.evaluate(() => {
    const map = document.querySelector('svg.map')!.getBoundingClientRect();
    const rel = (r: DOMRect) => ({
      x: r.x - map.x,
      y: r.y - map.y,
      width: r.width,
      height: r.height,
    });
    const markers = [...document.querySelectorAll<SVGGElement>('svg.map [data-marker]')].map(
      (marker) => {
        const dot = marker.querySelector('.dot')!.getBoundingClientRect();
        const label = marker.querySelector<SVGTextElement>('.label');
        const visible = label && getComputedStyle(label).visibility !== 'hidden';
        return {
          id: marker.dataset.actor!,
          x: dot.x + dot.width / 2 - map.x,
          y: dot.y + dot.height / 2 - map.y,
          label: visible && label.textContent?.trim() ? rel(label.getBoundingClientRect()) : null,
          leader: marker.querySelector('.label-leader') !== null,
        };
      },
    );
    return { map: { x: 0, y: 0, width: map.width, height: map.height }, markers };
  });
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function distance(x: number, y: number, r: Rect): number {
  const dx = Math.max(r.x - x, 0, x - (r.x + r.width));
  const dy = Math.max(r.y - y, 0, y - (r.y + r.height));
  return Math.hypot(dx, dy);
}

/** Every marker in view has a label inside the map, near it (or led to it), over no other label. */
function labelProblems({ map, markers }: Geometry): string[] {
  const problems: string[] = [];
  const inView = markers.filter(
    (m) => m.x >= 0 && m.y >= 0 && m.x <= map.width && m.y <= map.height,
  );
  for (const m of inView) {
    if (!m.label) {
      problems.push(`${m.id} has no label`);
      continue;
    }
    const far = distance(m.x, m.y, m.label);
    if (far > 14 && !m.leader) problems.push(`${m.id}'s label is ${far.toFixed(0)} px away`);
  }
  for (let i = 0; i < inView.length; i++)
    for (let j = i + 1; j < inView.length; j++) {
      const a = inView[i]!.label;
      const b = inView[j]!.label;
      // Text boxes include the font's ascent and descent: a sliver of overlap is not a collision.
      if (a && b && overlap(a, b) > 6)
        problems.push(`${inView[i]!.id} and ${inView[j]!.id} overlap`);
    }
  return problems;
}

/** A label's nearest edge at most this far from its marker's centre: beside it, or on a short
 * leader (a graphics desk sends back a name hung 40–60 px out on a line). */
const NEAR_LABEL = 32;

/** The labels in view further from their markers than NEAR_LABEL. */
function farLabels({ map, markers }: Geometry): string[] {
  return markers
    .filter((m) => m.label && m.x >= 0 && m.y >= 0 && m.x <= map.width && m.y <= map.height)
    .map((m) => ({ id: m.id, far: distance(m.x, m.y, m.label!) }))
    .filter(({ far }) => far > NEAR_LABEL)
    .map(({ id, far }) => `${id}'s label is ${far.toFixed(0)} px out`);
}

/** The share of the map's width and height the markers' bounding box fills. */
function fill({ map, markers }: Geometry): { width: number; height: number } {
  const xs = markers.map((m) => m.x);
  const ys = markers.map((m) => m.y);
  return {
    width: (Math.max(...xs) - Math.min(...xs)) / map.width,
    height: (Math.max(...ys) - Math.min(...ys)) / map.height,
  };
}

/**
 * Which labels a drawn line passes through: each line (its hit path, as drawn, and every other
 * marker's leader line) sampled every 3 px against each label's text box, shrunk by the room
 * above and below the letters that the box includes (a line there passes under the halo, not
 * through the letters). Where the lines are knocked out under a label (a mask breaks them short
 * of it, as newsrooms print a label over lines), nothing is drawn there: no line passes under it.
 */
async function labelsOverLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.map')!;
    const frame = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll<SVGTextElement>('.label')].flatMap((text) => {
      const r = text.getBoundingClientRect();
      const inView = r.right > frame.left && r.left < frame.right && r.bottom > frame.top;
      return inView && r.top < frame.bottom
        ? [
            {
              id: text.dataset.label!,
              x0: r.left + 1,
              x1: r.right - 1,
              y0: r.top + 3,
              y1: r.bottom - 3,
            },
          ]
        : [];
    });
    // A mask is never rendered itself: its holes are read from their attributes (the map's
    // user units are its CSS pixels).
    const knockouts = [...svg.querySelectorAll<SVGRectElement>('mask [data-knockout]')].map(
      (rect) => {
        const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((a) =>
          Number(rect.getAttribute(a)),
        ) as [number, number, number, number];
        const left = frame.left + x;
        const top = frame.top + y;
        return { left, top, right: left + width, bottom: top + height };
      },
    );
    const knockedOut = (p: DOMPoint, masked: boolean) =>
      masked &&
      knockouts.some((k) => p.x >= k.left && p.x <= k.right && p.y >= k.top && p.y <= k.bottom);
    const hits: string[] = [];
    // Lines faded back (the layer is fading and the line is not one it brings forward) are no
    // obstacle: label placement ignores them, as a reader's eye does.
    const fading = svg.querySelector('.relations.fading') !== null;
    const drawn = fading ? '.relations path.hit.lit' : '.relations path.hit';
    const paths = [
      ...[...svg.querySelectorAll<SVGPathElement>(drawn)].map((path) => ({
        path,
        name: path.dataset.relation!,
        owner: null as string | null,
        masked: path.closest('[mask]') !== null,
      })),
      ...[...svg.querySelectorAll<SVGLineElement>('.label-leader')].map((path) => {
        const owner = path.closest<SVGElement>('[data-marker]')!.dataset.actor!;
        return { path, name: `${owner}'s leader`, owner, masked: false };
      }),
    ];
    for (const { path, name, owner, masked } of paths) {
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 3)
        points.push(path.getPointAtLength(at).matrixTransform(matrix));
      for (const l of labels)
        if (
          l.id !== owner &&
          points.some(
            (p) => p.x > l.x0 && p.x < l.x1 && p.y > l.y0 && p.y < l.y1 && !knockedOut(p, masked),
          )
        )
          hits.push(`${l.id} × ${name}`);
    }
    return hits;
  });
}

/**
 * What is wrong with a slide's line labels ("Arms transfer (alleged)"): one over another or over
 * an actor's label, off the map, or with a drawn line through it. Every line counts here, the
 * faded ones too: a name over a faded line still reads as sitting on it.
 */
async function lineLabelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.map')!;
    const frame = svg.getBoundingClientRect();
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
    };
    type B = ReturnType<typeof box>;
    const overlap = (a: B, b: B) =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 &&
      Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
    const lineLabels = [...svg.querySelectorAll<SVGTextElement>('.line-label')].map((t) => ({
      name: t.textContent ?? '',
      b: box(t),
    }));
    const actorLabels = [...svg.querySelectorAll<SVGTextElement>('.label')]
      .filter((t) => getComputedStyle(t).visibility !== 'hidden' && t.textContent?.trim())
      .map((t) => ({ name: t.dataset.label ?? '', b: box(t) }));
    const problems: string[] = [];
    lineLabels.forEach((l, i) => {
      const { b } = l;
      if (
        b.x0 < frame.left - 1 ||
        b.x1 > frame.right + 1 ||
        b.y0 < frame.top - 1 ||
        b.y1 > frame.bottom + 1
      )
        problems.push(`"${l.name}" runs off the map`);
      lineLabels.slice(i + 1).forEach((m) => {
        if (overlap(b, m.b)) problems.push(`"${l.name}" over "${m.name}"`);
      });
      actorLabels.forEach((a) => {
        if (overlap(b, a.b)) problems.push(`"${l.name}" over ${a.name}'s label`);
      });
      for (const path of svg.querySelectorAll<SVGPathElement>('.relations path.hit')) {
        const matrix = path.getScreenCTM()!;
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 3) {
          const p = path.getPointAtLength(at).matrixTransform(matrix);
          if (p.x > b.x0 + 1 && p.x < b.x1 - 1 && p.y > b.y0 + 3 && p.y < b.y1 - 3) {
            problems.push(`"${l.name}" × ${path.dataset.relation}`);
            break;
          }
        }
      }
    });
    return problems;
  });
}

/** Which labels and markers in view the presentation's controls cover (none: they sit below). */
async function underControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelector('nav.controls')!.getBoundingClientRect();
    const frame = document.querySelector('svg.map')!.getBoundingClientRect();
    const visible = (r: DOMRect) =>
      r.right > frame.left && r.left < frame.right && r.bottom > frame.top && r.top < frame.bottom;
    const covered = (r: DOMRect) =>
      r.left < controls.right &&
      controls.left < r.right &&
      r.top < controls.bottom &&
      controls.top < r.bottom;
    return [...document.querySelectorAll<SVGElement>('svg.map .label, svg.map [data-marker] .dot')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return visible(r) && covered(r);
      })
      .map((el) => el.closest<SVGElement>('[data-marker]')!.dataset.actor!);
  });
}

const settled = (page: Page) => expect(page.locator('svg.map[data-settled="true"]')).toBeVisible();

/**
 * Opens the presentation at a size (without motion) and runs `check` on every step in turn, as a
 * presenter pressing → would see it.
 */
async function eachStep(
  page: Page,
  width: number,
  height: number,
  check: (step: number) => Promise<void>,
): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width, height });
  await openMap(page, '/?mode=present#/step/1');
  const progress = await page.locator('[data-progress]').textContent();
  const steps = Number(/\/\s*(\d+)/.exec(progress ?? '')?.[1]);
  expect(steps).toBeGreaterThan(1);
  for (let step = 1; step <= steps; step++) {
    await expect(page.locator(`[data-step="${step}"]`)).toBeVisible();
    await check(step);
    if (step < steps) await page.keyboard.press('ArrowRight');
  }
}

const FIXTURES = ['nordic-baltic', 'quad-indo-pacific'];

for (const story of ['russia-north-korea-2024', ...FIXTURES])
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const)
    test(`the start view of ${story} at ${width}×${height} is framed on its actors`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      const fixture = FIXTURES.includes(story);
      if (fixture) await serveFixture(page, story);
      await openMap(page, fixture ? `/?story=${story}` : '/');
      const filled = fill(await geometry(page));
      expect(filled.width).toBeGreaterThanOrEqual(0.6);
      expect(filled.height).toBeGreaterThanOrEqual(0.4);
    });

for (const [width, height] of [
  [320, 640],
  [390, 844],
  [768, 1024],
  [1280, 800],
  [1920, 1080],
] as const)
  test(`every marker in view has its own label, close to it, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openMap(page);
    await settled(page);
    const found = await geometry(page);
    expect(labelProblems(found)).toEqual([]);
    expect(farLabels(found)).toEqual([]);
  });

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const)
  test(`every marker in view is labelled on every presentation step at ${width}×${height}`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await eachStep(page, width, height, async (step) => {
      await expect(async () => {
        await settled(page);
        expect(labelProblems(await geometry(page)), `step ${step}`).toEqual([]);
      }).toPass({ timeout: 5000 });
    });
  });

for (const [width, height] of [
  [320, 640],
  [390, 844],
  [768, 1024],
  [1280, 800],
  [1920, 1080],
] as const)
  test(`no label sits under a drawn line at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openMap(page);
    await settled(page);
    await expect.poll(() => labelsOverLines(page)).toEqual([]);
  });

// On a phone, every spot near North Korea's marker is crossed by the lines from Moscow,
// Washington and Seoul: its label sits beside the marker, and the lines stop short of it.
test('lines under a label that has no clear spot are knocked out where it sits', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMap(page);
  await settled(page);
  const knockout = page.locator('svg.map mask [data-knockout="PRK"]');
  await expect(knockout).toHaveCount(1);
  const label = (await page.locator('svg.map [data-label="PRK"]').boundingBox())!;
  const map = (await page.locator('svg.map').boundingBox())!;
  const hole = await knockout.evaluate((rect) =>
    ['x', 'width'].map((a) => Number(rect.getAttribute(a))),
  );
  expect(map.x + hole[0]!).toBeLessThanOrEqual(label.x + 1);
  expect(map.x + hole[0]! + hole[1]!).toBeGreaterThanOrEqual(label.x + label.width - 1);
  await expect(page.locator('svg.map .relation-lines[mask]')).toHaveCount(1);
  // On the desktop too, every hole in the lines is under a label in view, none elsewhere.
  await page.setViewportSize({ width: 1280, height: 800 });
  await settled(page);
  const holes = await page
    .locator('svg.map mask [data-knockout]')
    .evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-knockout')!));
  for (const id of holes)
    await expect(page.locator(`svg.map [data-label="${id}"]`), id).toBeInViewport();
});

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const)
  test(`no label sits under a line, another label or the controls on any presentation step at ${width}×${height}`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const found: string[] = [];
    await eachStep(page, width, height, async (step) => {
      await settled(page);
      found.push(...(await labelsOverLines(page)).map((hit) => `step ${step}: ${hit}`));
      found.push(...(await underControls(page)).map((id) => `step ${step}: ${id} under controls`));
      found.push(...(await lineLabelProblems(page)).map((hit) => `step ${step}: ${hit}`));
    });
    expect(found).toEqual([]);
  });

test('choosing an actor out of view brings it into view, and + then zooms towards it', async ({
  page,
}) => {
  await openMap(page);
  const map = page.locator('svg.map');
  const usa = async () => (await geometry(page)).markers.find((m) => m.id === 'USA')!;
  const inView = async () => {
    const { map: box } = await geometry(page);
    const m = await usa();
    return m.x >= 0 && m.y >= 0 && m.x <= box.width && m.y <= box.height;
  };
  // Zoom in on Korea with the wheel, until the United States is off the map.
  const korea = (await geometry(page)).markers.find((m) => m.id === 'PRK')!;
  const box = (await map.boundingBox())!;
  await expect(page.locator('svg.map[data-zoomable="true"]')).toBeVisible();
  await page.mouse.move(box.x + korea.x, box.y + korea.y);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
  await expect.poll(inView).toBe(false);
  await settled(page);

  await page.locator('[data-start]').getByRole('button', { name: 'United States' }).click();
  await expect.poll(inView).toBe(true);
  await settled(page);
  const before = Number(await map.getAttribute('data-zoom-level'));
  await page.locator('button[data-zoom="in"]').click();
  await expect
    .poll(async () => Number(await map.getAttribute('data-zoom-level')))
    .toBeGreaterThan(before * 1.5);
  await settled(page);
  expect(await inView()).toBe(true);
});

test('reset returns to the story’s frame', async ({ page }) => {
  await openMap(page);
  const map = page.locator('svg.map');
  await page.locator('button[data-zoom="in"]').click();
  await expect.poll(async () => Number(await map.getAttribute('data-zoom-level'))).toBe(2);
  await page.locator('button[data-zoom="reset"]').click();
  await expect.poll(async () => Number(await map.getAttribute('data-zoom-level'))).toBe(1);
});

test('the key is on screen with the map at 1280×800, and its entries switch lines off and on', async ({
  page,
}) => {
  await openMap(page);
  await expect(page.locator('[data-key]')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('svg.map')).toBeInViewport({ ratio: 1 });
  // Four lines of key at most (it took five, 129 px): the map stands high in the first screen.
  expect((await page.locator('[data-key]').boundingBox())!.height).toBeLessThanOrEqual(100);
  const entry = page.locator('[data-key-type="sanctions"]');
  const lines = page.locator('svg.map [data-relation][data-type="sanctions"]');
  await expect(entry).toHaveAttribute('aria-pressed', 'true');
  expect(await lines.count()).toBeGreaterThan(0);

  // Pointing at an entry brings its lines forward: the others fade.
  await entry.hover();
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);

  await entry.click();
  await expect(entry).toHaveAttribute('aria-pressed', 'false');
  await expect(lines).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]hide=sanctions\b/);

  // A shared link keeps them off.
  await page.reload();
  await expect(page.locator('svg.map[data-ready="true"]')).toBeVisible();
  await expect(page.locator('[data-key-type="sanctions"]')).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(lines).toHaveCount(0);
  await page.locator('[data-key-type="sanctions"]').click();
  expect(await lines.count()).toBeGreaterThan(0);
  await expect(page).not.toHaveURL(/hide=/);
});

test('on a phone the key starts as one line and opens on request', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMap(page);
  const toggle = page.locator('[data-key] button[aria-expanded]');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-key-type]').first()).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-key-type]').first()).toBeVisible();
});

test('hovering an actor isolates its lines', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-marker][data-actor="IRN"]').hover();
  const bright = page.locator('svg.map .relations.fading .hit[data-relation].lit');
  await expect(page.locator('svg.map .relations.fading')).toHaveCount(1);
  const names = await bright.evaluateAll((hits) => hits.map((h) => h.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toContain('Iran');
  expect(names.length).toBeLessThan(await page.locator('svg.map .hit[data-relation]').count());
});

test('up close, capitals and seas name the places around the story; at the start view, none', async ({
  page,
}) => {
  // In 1970 Ukraine is part of the Soviet Union: no marker of its own sits on Kyiv.
  await openMap(page, '/?date=1970-01-01');
  await settled(page);
  await expect(page.locator('svg.map .references text')).toHaveCount(0);
  const soviet = page.locator('[data-marker][data-actor="SUN"] .dot');
  const box = (await soviet.boundingBox())!;
  // The wheel zooms once the zoom code has come (it loads after the map is painted).
  await expect(page.locator('svg.map[data-zoomable="true"]')).toBeVisible();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await expect(page.locator('svg.map .references .capital', { hasText: 'Kyiv' })).toBeVisible();
  await expect(page.locator('svg.map .references .sea').first()).toBeVisible();
  // Moscow is the Soviet Union's marker: its label names the spot, no second name beside it.
  await expect(page.locator('svg.map .references .capital', { hasText: 'Moscow' })).toHaveCount(0);
  // Reference names never cover an actor's label.
  const overlaps = await page.evaluate(() => {
    const rect = (e: Element) => e.getBoundingClientRect();
    const refs = [...document.querySelectorAll('svg.map .references text')].map(rect);
    const labels = [...document.querySelectorAll('svg.map .label')].map(rect);
    return refs.filter((r) =>
      labels.some(
        (l) =>
          r.left < l.right - 1 &&
          l.left < r.right - 1 &&
          r.top < l.bottom - 1 &&
          l.top < r.bottom - 1,
      ),
    ).length;
  });
  expect(overlaps).toBe(0);
});

test('members too small to point at have a dot of their own, or are folded into the marker over them', async ({
  page,
}) => {
  await openMap(page);
  const dots = page.locator('[data-small-actor]');
  expect(await dots.count()).toBeGreaterThan(0);
  // Members whose shape is large enough to point at need no dot.
  await expect(page.locator('[data-small-actor="CAN"]')).toHaveCount(0);
  // Each dot opens its member.
  const first = dots.first();
  const name = (await first.getAttribute('aria-label'))!.split(',')[0]!;
  await first.click();
  await expect(page.getByRole('complementary', { name })).toBeVisible();
  // Luxembourg lies under NATO's marker in Brussels at the start view: zoomed in, it has its dot.
  await page.keyboard.press('Escape');
  const nato = (await page.locator('[data-marker][data-actor="NATO"] .dot').boundingBox())!;
  await expect(page.locator('svg.map[data-zoomable="true"]')).toBeVisible();
  await page.mouse.move(nato.x + nato.width / 2, nato.y + nato.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await expect(page.locator('[data-small-actor="LUX"]')).toHaveAttribute(
    'aria-label',
    /Luxembourg/,
  );
});

// A narrow embed has its zoom buttons in a row at the map's foot: its frame keeps no band for
// them at the top (the story sat low, 86 px nearer the foot than the top at 320 px), and the
// markers crowding its east edge (Japan, the Koreas, China) have room for their names there.
for (const width of [320, 400])
  test(`a ${width} px embed frames the story in the room it has, every marker labelled clear of the buttons`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openMap(page, '/?mode=embed');
    await settled(page);
    const found = await geometry(page);
    expect(labelProblems(found)).toEqual([]);
    expect(farLabels(found)).toEqual([]);
    const ys = found.markers.map((m) => m.y);
    const above = Math.min(...ys);
    const below = found.map.height - Math.max(...ys);
    expect(Math.abs(above - below), `${above} px above, ${below} px below`).toBeLessThanOrEqual(40);
    const map = (await page.locator('svg.map').boundingBox())!;
    const zoom = (await page.locator('.zoom').boundingBox())!;
    expect(zoom.y).toBeGreaterThan(map.y + map.height / 2);
    const covered = found.markers.filter(
      (m) =>
        m.label &&
        m.label.x + map.x < zoom.x + zoom.width &&
        zoom.x < m.label.x + map.x + m.label.width &&
        m.label.y + map.y < zoom.y + zoom.height &&
        zoom.y < m.label.y + map.y + m.label.height,
    );
    expect(covered.map((m) => m.id)).toEqual([]);
    // Names at the crowded east edge: none runs off the map.
    for (const m of found.markers)
      if (m.label) expect(m.label.x + m.label.width, m.id).toBeLessThanOrEqual(found.map.width);
  });
