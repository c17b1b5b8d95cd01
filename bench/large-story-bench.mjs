// The large-story rows of `npm run bench`: the app alone, on the default story and on the
// generated stories of bench/large-story.mjs, each loaded at 1× and 4× CPU. For each: first
// actor drawn, map ready, the longest task while loading (how long the page was frozen), the
// heap and the DOM's size. On the largest story, at 1× CPU, also what a reader does next: a
// click on an actor until the map's emphasis is painted, a step of the date until the map of
// the new day is painted, a drag's frames, and the heap over select/zoom cycles.
//
//   import { measureLarge, checkLargeBudgets, printLarge } from './large-story-bench.mjs';
//
// Run alone (after `npm run build`), it prints those rows and their budgets:
//   node bench/large-story-bench.mjs [--quick] [--only <slug>[,<slug>…]] [--cpu 1|4]
//                                    [--no-build] [--dist <another build's dist/>]
// (`--quick --only bench-3000 --cpu 1 --no-build` gives the budgets' rows of the largest story
// in about a minute; `--only default,bench-20x --cpu 4 --no-build` the 20× row, the first actor
// of the story with 20× the default story's relations against the default's, at 4× CPU.)

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { installProbe } from './probe.mjs';
import { startServer } from './server.mjs';
import {
  benchMounts,
  build,
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  heapLevels,
  heapSamples,
  percentile,
  usedHeap,
} from './shared.mjs';
import { SIZES, writeLargeStories } from './large-story.mjs';

const THROTTLE = 4;
const VIEWPORT = { width: 1280, height: 800 };
const READY_TIMEOUT = 120_000;
const MB = 1000 * 1000;
/** The generated story with 20× the default story's relations. */
const LARGE_20X = 'bench-20x';
/** Clicks, date steps and heap cycles on the largest story. */
const CLICKS = 10;
const STEPS = 10;

/** The budgets of the large-story rows (issue #15): checked by `checkLargeBudgets`. */
export const LARGE_BUDGETS = [
  { figure: 'largeFirstActorRatio', max: 3, text: '20× relations: first actor ≤ 3× default (4×)' },
  { figure: 'largeLongestTask', max: 200, text: '3,000 relations: longest task ≤ 200 ms (1×)' },
  {
    figure: 'largeClickP95',
    max: 200,
    text: '3,000 relations: click → emphasis p95 ≤ 200 ms (1×)',
  },
  { figure: 'largeHeapGrowth', max: 1.1, text: '3,000 relations: heap growth over cycles ≤ 1.1×' },
];

async function openPage(browser, url, throttle) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(installProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle ? THROTTLE : 1 });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => window.__bench.firstActorAt > 0 && window.__bench.readyAt !== null,
    null,
    { timeout: READY_TIMEOUT, polling: 100 },
  );
  return { page, cdp, errors, close: () => context.close() };
}

/** Waits until the page has no more line slices to draw (no long task for a while). */
async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let quiet = 0;
        const tick = () => {
          const channel = new MessageChannel();
          const start = performance.now();
          channel.port1.onmessage = () => {
            quiet = performance.now() - start < 20 ? quiet + 1 : 0;
            if (quiet >= 20) resolve();
            else requestAnimationFrame(tick);
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** In the page: resolves with the ms from `start` until the frame after `changed()` holds. */
function paintedAfter(page, changed, arg) {
  return page.evaluate(
    ([source, a]) => {
      const test = new Function('a', `return (${source})(a)`);
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const check = () => {
          if (test(a)) {
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(null);
            });
          } else if (performance.now() - t0 > 10_000) reject(new Error('no change'));
          else setTimeout(check, 0);
        };
        check();
      });
    },
    [changed.toString(), arg],
  );
}

/**
 * What a reader does next on a large story: clicks on actors (rest → emphasis painted), steps
 * of the date with the keyboard, a drag, and the heap over select/zoom cycles.
 */
async function measureInteraction({ page, cdp }, { cycles, checkpoint }) {
  await settle(page);
  const markers = await page.$$eval('svg.map [data-marker][data-actor]', (els) =>
    els.slice(0, 6).map((el) => el.getAttribute('data-actor')),
  );
  // Clicks on actors in turn: from the press until the frame after the map's last change of
  // emphasis (classes and lines moved in the lines' layer) is painted.
  const clicks = [];
  for (let i = 0; i < CLICKS; i++) {
    const id = markers[i % markers.length];
    const point = await page.evaluate((a) => window.__bench.pointOn(a), id);
    if (!point) continue;
    await settle(page);
    const t0 = await page.evaluate(() => {
      const watch = { painted: null, changes: 0 };
      // A fly-to that brings the selection into view moves the lines as a picture (the
      // layer's "moving" class): that is the zoom, not the emphasis.
      const moving = (r) =>
        r.type === 'attributes' &&
        r.target.classList.contains('relations') &&
        /\bmoving\b/.test(`${r.oldValue} ${r.target.getAttribute('class')}`);
      const observer = new MutationObserver((records) => {
        if (records.every(moving)) return;
        watch.changes++;
        watch.painted = null;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (watch.painted ??= performance.now());
          channel.port2.postMessage(null);
        });
      });
      const layer = document.querySelector('svg.map .relations') ?? document.body;
      observer.observe(layer, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
        attributeOldValue: true,
      });
      window.__watch = { watch, stop: () => observer.disconnect() };
      return performance.now();
    });
    await page.mouse.click(point.x, point.y);
    const painted = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const { watch, stop } = window.__watch;
          const started = performance.now();
          const poll = () => {
            const now = performance.now();
            if (watch.painted !== null && now - watch.painted > 500) {
              stop();
              resolve(watch.painted);
            } else if (now - started > 15_000) {
              stop();
              resolve(null);
            } else setTimeout(poll, 50);
          };
          poll();
        }),
    );
    if (painted !== null) clicks.push(painted - t0);
  }
  await page.keyboard.press('Escape');
  await settle(page);

  // Date steps: the slider's arrow key, until the new day's map is painted.
  const slider = page.locator('input[type="range"]').first();
  const steps = [];
  if (await slider.count()) {
    await slider.focus();
    for (let i = 0; i < STEPS; i++) {
      const before = await page.locator('[data-asof]').first().getAttribute('datetime');
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.press('PageDown');
      const t1 = await page.evaluate(() => performance.now());
      const after = await paintedAfter(
        page,
        (b) => document.querySelector('[data-asof]')?.getAttribute('datetime') !== b,
        before,
      );
      steps.push(t1 - t0 + after);
      await settle(page);
    }
  }

  // A drag across the map: frame times while it runs.
  const from = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 3 };
  await page.evaluate(() => window.__bench.startFrames());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 200, from.y, { steps: 10 });
  await page.mouse.move(from.x, from.y, { steps: 10 });
  await page.mouse.up();
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  await settle(page);

  // Heap: select an actor, zoom in and out; sampled every `checkpoint` cycles (heapLevels).
  const cycle = async (i) => {
    const point = await page.evaluate(
      (a) => window.__bench.pointOn(a),
      markers[i % markers.length],
    );
    if (point) await page.mouse.click(point.x, point.y);
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 3);
    await page.mouse.wheel(0, -1500);
    await sleep(200);
    await page.mouse.wheel(0, 1500);
    await sleep(200);
  };
  const samples = await heapSamples(cycles, checkpoint, cycle, async () => {
    await settle(page);
    return usedHeap(cdp);
  });
  const { early, late } = heapLevels(samples);
  return {
    clickP50: percentile(clicks, 0.5),
    clickP95: percentile(clicks, 0.95),
    stepP50: percentile(steps, 0.5),
    stepP95: percentile(steps, 0.95),
    dragFrameP95: percentile(frames, 0.95),
    heapCycles: cycles,
    heapGrowth: late / early,
  };
}

/** One load of a story at a CPU rate, and (`interact`) what a reader does next. */
async function measureStory(browser, url, throttle, interact) {
  const session = await openPage(browser, url, throttle);
  try {
    const { page, cdp } = session;
    await settle(page);
    const load = await page.evaluate(() => ({
      firstActorAt: window.__bench.firstActorAt,
      readyAt: window.__bench.readyAt,
      longestTask: Math.max(0, ...window.__bench.longTasks),
      domNodes: document.getElementsByTagName('*').length,
    }));
    const figures = { ...load, heap: await usedHeap(cdp) };
    if (interact) Object.assign(figures, await measureInteraction(session, interact));
    if (session.errors.length) figures.errors = session.errors;
    return figures;
  } finally {
    await session.close();
  }
}

/**
 * Every story (`slug` null: the default) at 1× and 4× CPU; the largest also interacted with at
 * 1×. Failures are recorded in `errors` and the rest goes on.
 */
export async function measureLarge(
  browser,
  baseUrl,
  stories,
  errors,
  step,
  { cycles = 100, checkpoint = 10, rates = [1, THROTTLE] } = {},
) {
  const rows = [];
  const largest = SIZES.at(-1).slug;
  for (const { slug, relations } of stories) {
    for (const throttle of rates.map((rate) => rate === THROTTLE)) {
      step(`large story ${slug ?? 'default'} at ${throttle ? THROTTLE : 1}× CPU`);
      const url = `${baseUrl}/${slug ? `?story=${slug}` : ''}`;
      const interact = slug === largest && !throttle ? { cycles, checkpoint } : null;
      try {
        const figures = await measureStory(browser, url, throttle, interact);
        rows.push({ slug: slug ?? 'default', relations, cpu: throttle ? THROTTLE : 1, ...figures });
      } catch (error) {
        errors.push(`bench, large ${slug ?? 'default'}: ${error.message.split('\n')[0]}`);
      }
    }
  }
  return rows;
}

/** The large-story budgets, each { figure, budget, value, pass }. */
export function checkLargeBudgets(rows) {
  if (!rows?.length) return [];
  const row = (slug, cpu) => rows.find((r) => r.slug === slug && r.cpu === cpu);
  const base = row('default', THROTTLE);
  const twenty = row(LARGE_20X, THROTTLE);
  const largest = row(SIZES.at(-1).slug, 1);
  const values = {
    largeFirstActorRatio:
      twenty && base?.firstActorAt ? twenty.firstActorAt / base.firstActorAt : null,
    largeLongestTask: largest?.longestTask ?? null,
    largeClickP95: largest?.clickP95 ?? null,
    largeHeapGrowth: largest?.heapGrowth ?? null,
  };
  return LARGE_BUDGETS.map(({ figure, max, text }) => ({
    figure,
    budget: text,
    value: values[figure],
    pass: values[figure] !== null && values[figure] <= max,
  }));
}

const ms = (n) => (n == null ? '–' : n.toFixed(0));

export function printLarge(rows, budgets, errors) {
  if (errors?.length)
    console.log(`\nlarge stories: ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  if (!rows?.length) return;
  console.log(
    '\nlarge stories (app only): first actor drawn / map ready / longest task, ms; heap MB; DOM elements',
  );
  for (const r of rows)
    console.log(
      `  ${r.slug.padEnd(12)} ${String(r.relations).padStart(7)} relations  ${r.cpu}× CPU  ` +
        `${ms(r.firstActorAt).padStart(6)} / ${ms(r.readyAt).padStart(6)} / ` +
        `${ms(r.longestTask).padStart(5)}   ${(r.heap / MB).toFixed(1).padStart(5)}   ${r.domNodes}`,
    );
  const def = rows.find((r) => r.slug === 'default' && r.cpu === 1);
  const largest = rows.find((r) => r.slug === SIZES.at(-1).slug && r.cpu === 1);
  if (largest?.clickP50 != null) {
    const perRelation = def && (largest.domNodes - def.domNodes) / (SIZES.at(-1).relations - 22);
    console.log(
      `  ${largest.slug}, 1×: click → emphasis p50 / p95 ${ms(largest.clickP50)} / ${ms(largest.clickP95)} ms; ` +
        `date step p50 / p95 ${ms(largest.stepP50)} / ${ms(largest.stepP95)} ms; ` +
        `drag frame p95 ${ms(largest.dragFrameP95)} ms; ` +
        `heap growth over ${largest.heapCycles} cycles ${largest.heapGrowth.toFixed(3)}×` +
        (perRelation != null ? `; ${perRelation.toFixed(2)} DOM elements per relation` : ''),
    );
  }
  for (const b of budgets.filter((b) => b.figure.startsWith('large')))
    console.log(
      `  budget: ${b.budget}: ` +
        (b.value == null
          ? 'not measured in this run'
          : `${b.value.toFixed(2)} ${b.pass ? 'ok' : 'MISSED'}`),
    );
}

/** The generated stories written to a temporary folder, as server mounts. */
export function largeStoryMounts() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stories-'));
  return writeLargeStories(dir).flatMap((slug) =>
    ['json', 'txt'].map((ext) => [`/stories/${slug}.${ext}`, join(dir, `${slug}.${ext}`)]),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      // One CPU rate only (1 or 4), for a quicker look at one row.
      cpu: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      // Another build of the app (an older commit's dist/), for a before/after comparison.
      dist: { type: 'string' },
    },
  });
  if (!values['no-build'] && !values.dist) build();
  const app = benchMounts(values.dist);
  const server = await startServer({ mounts: [...app, ...largeStoryMounts()] });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const errors = [];
  let rows;
  try {
    const only = values.only?.split(',');
    const stories = [{ slug: null, relations: 'default' }, ...SIZES].filter(
      (s) => !only || only.includes(s.slug ?? 'default'),
    );
    rows = await measureLarge(
      browser,
      server.url,
      stories,
      errors,
      (text) => console.log(`  ${text}`),
      {
        ...(values.quick ? { cycles: 20, checkpoint: 5 } : {}),
        ...(values.cpu ? { rates: [Number(values.cpu)] } : {}),
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
  const budgets = checkLargeBudgets(rows);
  printLarge(rows, budgets, errors);
  // A run of some stories (--only, --cpu) is judged on the budgets it measured.
  process.exitCode = errors.length || budgets.some((b) => b.value !== null && !b.pass) ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error) => {
    console.error(`bench failed: ${error.stack ?? error}`);
    process.exitCode = 2;
  });
