// npm run bench [-- --runs N] [-- --quick] [-- --only app|reference] [-- --no-build]
//
// Measures the app against a plain d3 world map (bench/reference/) in one run, on the same
// browser and server, and checks the app against the budgets in bench/README.md.
// Prints a table, writes bench/results.json, exits 1 when a budget is missed (2 on an error).

import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
import { installProbe } from './probe.mjs';
import {
  benchMounts,
  build,
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  heapLevels,
  heapSamples,
  percentile,
  ROOT,
  usedHeap,
} from './shared.mjs';
import { SIZES } from './large-story.mjs';
import {
  checkLargeBudgets,
  largeStoryMounts,
  measureLarge,
  printLarge,
} from './large-story-bench.mjs';

const TARGETS = { app: '/', reference: '/reference/' };
const THROTTLE = 4; // CPU slowdown for every timed figure
const VIEWPORT = { width: 1280, height: 800 };
// Clicked in turn, so that every click changes the panel's heading.
const ACTORS = ['RUS', 'CHN', 'PRK'];
const READY_TIMEOUT = 60_000;
const PANEL_TIMEOUT = 3_000;
// The pages take turns at the clicks, this many at a time.
const CLICK_TURN = 10;
const DETAIL_TIMEOUT = 5_000;
const KB = 1000;
const MB = 1000 * 1000;

// The app's budgets. Timings are ratios against the reference measured in the same run, so
// a machine that is slower today slows both alike; bytes are also held to an absolute limit.
// `slack` absorbs timer coarsening on absolute limits.
const BUDGETS = [
  { figure: 'bytesToInteractive', max: 100 * KB, text: '≤ 100 KB' },
  { figure: 'bytesToInteractive', maxRatio: 0.75, text: '≤ 0.75× ref' },
  { figure: 'firstClickAnswered', maxRatio: 1, text: '≤ 1.0× ref' },
  { figure: 'clickP95', maxRatio: 1, text: '≤ 1.0× ref' },
  { figure: 'frameP95', maxRatio: 1, text: '≤ 1.0× ref' },
  { figure: 'heapGrowth', max: 1.1, text: '≤ 1.1×' },
];

// What the table shows, in order: a figure of the summary, its label and its unit.
const ROWS = [
  { figure: 'bytesToInteractive', label: 'transferred until interactive (KB gzip)', unit: KB },
  { figure: 'bytesAtLoad', label: 'transferred at load, total (KB gzip)', unit: KB },
  { figure: 'bytesAfterZoom', label: 'transferred after zoom to Korea (KB gzip)', unit: KB },
  { figure: 'fcp', label: `first contentful paint, median (ms, ${THROTTLE}×)`, unit: 1 },
  { figure: 'lcp', label: `largest contentful paint, median (ms, ${THROTTLE}×)`, unit: 1 },
  {
    figure: 'firstClickAnswered',
    label: `navigation → first click answered, median (ms, ${THROTTLE}×)`,
    unit: 1,
  },
  {
    figure: 'timeToInteractive',
    label: `navigation → map drawn, median (ms, ${THROTTLE}× CPU)`,
    unit: 1,
  },
  { figure: 'clickP50', label: `click → panel painted p50 (ms, ${THROTTLE}×)`, unit: 1 },
  { figure: 'clickP95', label: `click → panel painted p95 (ms, ${THROTTLE}×)`, unit: 1 },
  {
    figure: 'frameP50',
    label: `zoom/pan frame time p50, median of runs (ms, ${THROTTLE}×)`,
    unit: 1,
  },
  {
    figure: 'frameP95',
    label: `zoom/pan frame time p95, median of runs (ms, ${THROTTLE}×)`,
    unit: 1,
  },
  { figure: 'detailAfter', label: '50m detail drawn, after zoom end (ms)', unit: 1, missing: 'no' },
  { figure: 'heapStart', label: 'JS heap after load (MB)', unit: MB, digits: 2 },
  {
    figure: 'heapEarly',
    label: 'JS heap early in the cycles, median of 3 (MB)',
    unit: MB,
    digits: 2,
  },
  {
    figure: 'heapLate',
    label: 'JS heap late in the cycles, median of 3 (MB)',
    unit: MB,
    digits: 2,
  },
  { figure: 'heapGrowth', label: 'heap growth, late / early (×)', unit: 1, digits: 3 },
];

function parseOptions(args) {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-large': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  const runs = values.runs === undefined ? (quick ? 2 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs wants a whole number ≥ 1');
  if (values.only && !(values.only in TARGETS))
    throw new Error('--only wants "app" or "reference"');
  return {
    quick,
    runs, // page loads timed per target
    clicks: quick ? 10 : 40, // measured clicks per target
    cycles: quick ? 100 : 500, // select/zoom cycles for the heap figure
    checkpoint: quick ? 10 : 50, // the heap is sampled every this many cycles
    targets: values.only ? [values.only] : Object.keys(TARGETS),
    build: !values['no-build'],
    large: !values['no-large'], // the generated large stories (app only)
  };
}

// ---------------------------------------------------------------------------------------
// One browser page with the probe, optionally CPU-throttled, loaded until the map is ready.

async function openMap(browser, url, { throttle, waitReady = true }) {
  const context = await browser.newContext({ viewport: VIEWPORT }); // fresh cache every time
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript(installProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle ? THROTTLE : 1 });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    if (waitReady)
      await page.waitForFunction(() => window.__bench.readyAt !== null, null, {
        timeout: READY_TIMEOUT,
        polling: 100,
      });
  } catch (error) {
    await context.close();
    const seen = errors.length ? ` (page errors: ${errors.join(' | ')})` : '';
    throw new Error(`map not ready: ${error.message.split('\n')[0]}${seen}`, { cause: error });
  }
  return { page, cdp, errors, close: () => context.close() };
}

/** Runs `fn(session)` on a fresh page, always closing it; collects the page's errors. */
async function withMap(browser, url, options, errors, fn) {
  const session = await openMap(browser, url, options);
  try {
    return await fn(session);
  } finally {
    errors.push(...session.errors);
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------
// The measurements. Each takes a fresh page and returns plain numbers.

async function measureLoad({ page }) {
  const readyAt = await page.evaluate(() => window.__bench.readyAt);
  const bytesToInteractive = await page.evaluate((t) => window.__bench.transferred(t), readyAt);
  await page.waitForLoadState('networkidle');
  const bytesAtLoad = await page.evaluate(() => window.__bench.transferred());
  // Paint timings once the page is idle (no input has been made, so LCP is final).
  const { fcp, lcp } = await page.evaluate(() => ({
    fcp: window.__bench.fcp(),
    lcp: window.__bench.lcp,
  }));
  // Which files make up the bytes, for whoever has to bring them under budget.
  const requests = await page.evaluate(() => window.__bench.requests());
  return { readyAt, bytesToInteractive, bytesAtLoad, fcp, lcp, requests };
}

/**
 * From navigation to the painted answer of a click on the first actor, made as soon as the
 * actor is on screen (again if the page has not answered within 3 s): how soon a reader who
 * clicks at once is answered.
 */
async function measureFirstClick({ page }) {
  const actor = ACTORS[0];
  // Polled with page.evaluate every 100 ms, which runs in the first gap between the page's
  // tasks, as a reader's click is dispatched. (page.waitForSelector answered only after the
  // page's start-up tasks, some 1.7 s after the app's first paint showed the actor.)
  for (let tries = 0; tries < READY_TIMEOUT / 100; tries++) {
    const point = await page.evaluate((id) => window.__bench.pointOn(id), actor);
    if (point) {
      await page.evaluate((timeout) => window.__bench.armPanel(timeout), PANEL_TIMEOUT);
      await page.mouse.click(point.x, point.y);
      const result = await page.evaluate(() => window.__bench.panel);
      if (result) return { firstClickAnswered: result.paintedAt };
    } else await sleep(100);
  }
  throw new Error(`no answer to a click on ${actor}`);
}

/** `count` clicks on one page; `from` continues the rotation of the actors of earlier clicks. */
async function measureClicks({ page }, count, from = 0) {
  const latencies = [];
  const missed = [];
  // A click can miss (the actor was already selected, or is hidden): allow a few extra tries.
  for (let i = 0; latencies.length < count && i < count + 10; i++) {
    const actor = ACTORS[(from + i) % ACTORS.length];
    const point = await page.evaluate((id) => window.__bench.pointOn(id), actor);
    if (!point) {
      missed.push({ actor, why: 'not on screen' });
      continue;
    }
    // The pointer arrives first and rests for two frames, as a reader's does before pressing:
    // whatever hovering does (a tooltip) is painted before the click, not counted in it.
    await page.mouse.move(point.x, point.y);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await page.evaluate((timeout) => window.__bench.armPanel(timeout), PANEL_TIMEOUT);
    await page.mouse.down();
    await page.mouse.up();
    const result = await page.evaluate(() => window.__bench.panel);
    if (result) latencies.push(result.latency);
    else missed.push({ actor, why: 'panel heading did not change' });
    await sleep(250); // let any transition the selection started settle
  }
  return { latencies, missed };
}

/**
 * The clicks of every target, their pages open side by side (each in a context of its own, so a
 * renderer of its own), taking turns a block of clicks at a time: drift in the machine's speed
 * during the clicks (other work on it) hits both alike, as it does for the timed loads.
 */
async function measureClicksInTurn(browser, url, options, raw, step) {
  const sessions = new Map();
  try {
    for (const target of options.targets) {
      await attempt(raw[target], 'clicks', async () => {
        sessions.set(target, await openMap(browser, url(target), { throttle: true }));
        raw[target].clicks = { latencies: [], missed: [] };
      });
    }
    for (let done = 0; done < options.clicks; done += CLICK_TURN) {
      const count = Math.min(CLICK_TURN, options.clicks - done);
      for (const [target, session] of sessions) {
        step(`clicks ${done + 1}–${done + count} of ${options.clicks}: ${target}`);
        await attempt(raw[target], 'clicks', async () => {
          const turn = await measureClicks(session, count, done);
          raw[target].clicks.latencies.push(...turn.latencies);
          raw[target].clicks.missed.push(...turn.missed);
        });
      }
    }
  } finally {
    for (const [target, session] of sessions) {
      raw[target].errors.push(...session.errors);
      await session.close();
    }
  }
}

/** Wheel ticks at the pointer, by default about one per frame, as a mouse wheel sends them. */
async function wheel(page, ticks, deltaY, gapMs = 16) {
  for (let i = 0; i < ticks; i++) {
    await page.mouse.wheel(0, deltaY);
    if (gapMs) await sleep(gapMs);
  }
}

async function drag(page, from, dx, steps) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y, { steps });
  await page.mouse.move(from.x, from.y, { steps });
  await page.mouse.up();
}

// World → Korean peninsula (d3-zoom: 20 ticks of 100 px ≈ 16×), then pan east and back,
// then back out to the world. Frames are recorded during the gestures only, not while
// waiting for the 50m detail.
async function measureZoom({ page }) {
  const korea = await page.evaluate(() => window.__bench.pointOn('PRK'));
  if (!korea) throw new Error('no [data-actor="PRK"] on screen');
  await page.mouse.move(korea.x, korea.y);

  await page.evaluate(() => window.__bench.startFrames());
  await wheel(page, 20, -100);
  const framesIn = await page.evaluate(() => window.__bench.stopFrames());

  const zoomedAt = Date.now();
  const detail = await page
    .waitForSelector('svg[data-detail="50m"]', { timeout: DETAIL_TIMEOUT })
    .then(
      () => Date.now() - zoomedAt,
      () => null,
    );

  await page.evaluate(() => window.__bench.startFrames());
  await drag(page, korea, 240, 24);
  await wheel(page, 20, 100);
  const framesOut = await page.evaluate(() => window.__bench.stopFrames());

  const bytesAfterZoom = await page.evaluate(() => window.__bench.transferred());
  return { frames: [...framesIn, ...framesOut], detailAfter: detail, bytesAfterZoom };
}

// Select an actor, zoom in on it (one wheel tick of 1500 px = 8× in d3-zoom) and back out;
// repeat. The heap is read after a full garbage collection, so only what the page still
// holds counts.
async function measureHeap({ page, cdp }, cycles, checkpoint) {
  const heap = async () => {
    await sleep(300); // d3-zoom ends a wheel gesture 150 ms after the last tick
    return usedHeap(cdp);
  };
  const cycle = async (i) => {
    const actor = ACTORS[i % ACTORS.length];
    const point = (await page.evaluate((id) => window.__bench.pointOn(id), actor)) ?? center();
    await page.mouse.click(point.x, point.y);
    // One big wheel tick each way: nothing is timed here, and fewer inputs keep 500 cycles short.
    await wheel(page, 1, -1500, 0);
    await wheel(page, 1, 1500, 0);
  };
  const heapStart = await heap();
  // A sample every `checkpoint` cycles (after 50, 100, … 500), so that one sample caught with
  // something not yet let go (a decoded map file, a cache mid-turnover) is outvoted.
  return { heapStart, samples: await heapSamples(cycles, checkpoint, cycle, heap) };
}

const center = () => ({ x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 });

// ---------------------------------------------------------------------------------------

/** All measurements for all targets. Page loads alternate between targets so drift in the
 * machine's speed during the run affects both alike. */
async function measureAll(browser, baseUrl, options) {
  const raw = Object.fromEntries(
    options.targets.map((t) => [t, { loads: [], firstClicks: [], zooms: [], errors: [] }]),
  );
  const url = (target) => baseUrl + TARGETS[target];
  const started = Date.now();
  const step = (text) =>
    console.log(`  ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${text}`);

  // An unmeasured load of each first: the browser's own start-up work (fonts, caches,
  // processes) would otherwise land on whichever target happens to go first.
  for (const target of options.targets) {
    step(`warm-up load: ${target}`);
    await attempt(raw[target], 'warm-up', (errors) =>
      withMap(browser, url(target), { throttle: true }, errors, () => {}),
    );
  }
  /** One fresh page per target and run, the targets in turn; each result goes into `list`. */
  const inTurn = async (what, list, openOptions, measure) => {
    for (let run = 1; run <= options.runs; run++) {
      for (const target of options.targets) {
        step(`${what} ${run}/${options.runs}: ${target}`);
        await attempt(raw[target], `${what} ${run}`, async (errors) => {
          raw[target][list].push(await withMap(browser, url(target), openOptions, errors, measure));
        });
      }
    }
  };
  await inTurn('load', 'loads', { throttle: true }, measureLoad);
  await inTurn(
    'first click',
    'firstClicks',
    { throttle: true, waitReady: false },
    measureFirstClick,
  );
  await measureClicksInTurn(browser, url, options, raw, step);
  // The frame figures come in steps of a vsync (16.7 ms), and one gesture's p95 is its third or
  // fourth slowest frame: one run flipped between 50.0 and 66.7 ms. Each target zooms in each
  // run, and the figure is the median of the runs'.
  await inTurn('zoom to Korea and back', 'zooms', { throttle: true }, measureZoom);
  for (const target of options.targets) {
    const r = raw[target];
    step(`${options.cycles} select/zoom cycles: ${target}`);
    await attempt(r, 'heap', async (errors) => {
      r.heap = await withMap(browser, url(target), { throttle: false }, errors, (s) =>
        measureHeap(s, options.cycles, options.checkpoint),
      );
    });
  }
  return raw;
}

// Large stories (the app alone, on generated stories): bench/large-story-bench.mjs.

/** Runs one measurement; a failure is recorded against the target and the bench goes on. */
async function attempt(raw, what, fn) {
  try {
    await fn(raw.errors);
  } catch (error) {
    raw.errors.push(`bench, ${what}: ${error.message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------
// Summaries, ratios, budgets, output.

function summarize(raw) {
  const loads = raw.loads;
  const ofZooms = (figure) =>
    percentile(
      raw.zooms.map(figure).filter((v) => v != null),
      0.5,
    );
  const heap = heapLevels(raw.heap?.samples);
  return {
    bytesToInteractive: percentile(
      loads.map((l) => l.bytesToInteractive),
      0.5,
    ),
    bytesAtLoad: percentile(
      loads.map((l) => l.bytesAtLoad),
      0.5,
    ),
    bytesAfterZoom: ofZooms((z) => z.bytesAfterZoom),
    fcp: percentile(
      loads.map((l) => l.fcp).filter((t) => t != null),
      0.5,
    ),
    lcp: percentile(
      loads.map((l) => l.lcp).filter((t) => t != null),
      0.5,
    ),
    firstClickAnswered: percentile(
      raw.firstClicks.map((l) => l.firstClickAnswered),
      0.5,
    ),
    timeToInteractive: percentile(
      loads.map((l) => l.readyAt),
      0.5,
    ),
    clickP50: percentile(raw.clicks?.latencies, 0.5),
    clickP95: percentile(raw.clicks?.latencies, 0.95),
    frameP50: ofZooms((z) => percentile(z.frames, 0.5)),
    frameP95: ofZooms((z) => percentile(z.frames, 0.95)),
    detailAfter: ofZooms((z) => z.detailAfter),
    heapStart: raw.heap?.heapStart ?? null,
    heapEarly: heap?.early ?? null,
    heapLate: heap?.late ?? null,
    heapGrowth: heap ? heap.late / heap.early : null,
  };
}

function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : a / b;
}

function checkBudgets(app, reference) {
  return BUDGETS.filter((b) => b.max !== undefined || reference).map(
    ({ figure, max, maxRatio, slack = 0, text }) => {
      const value = app?.[figure] ?? null;
      if (maxRatio === undefined)
        return { figure, budget: text, value, pass: value !== null && value <= max + slack };
      const r = ratio(value, reference?.[figure]);
      return { figure, budget: text, value: r, pass: r !== null && r <= maxRatio };
    },
  );
}

function format(value, row) {
  if (value == null) return row.missing ?? '–';
  return (value / row.unit).toFixed(row.digits ?? 1);
}

function printTable(summaries, budgets, options) {
  const budgetsOf = (figure) => budgets.filter((b) => b.figure === figure);
  const header = ['', ...options.targets, 'app/ref', 'budget (app)'];
  const lines = ROWS.map((row) => {
    const values = options.targets.map((t) => format(summaries[t][row.figure], row));
    const r = ratio(summaries.app?.[row.figure], summaries.reference?.[row.figure]);
    const verdict = budgetsOf(row.figure)
      .map((b) => `${b.budget} ${b.pass ? 'ok' : 'MISSED'}`)
      .join(', ');
    return [row.label, ...values, r == null ? '–' : r.toFixed(2), verdict];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => l[i].length)));
  const render = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${render(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(render(line));
}

function printNotes(raw, options) {
  const load = raw.app?.loads[0];
  if (load) {
    console.log('\napp requests in the first load (KB on the wire; * = after the map was ready):');
    for (const { url, bytes, end } of load.requests) {
      console.log(
        `  ${(bytes / KB).toFixed(1).padStart(7)}  ${end > load.readyAt ? '*' : ' '} ${url}`,
      );
    }
  }
  for (const target of options.targets) {
    const { clicks, errors } = raw[target];
    if (clicks?.missed.length)
      console.log(
        `\n${target}: ${clicks.missed.length} click(s) missed: ${clicks.missed.map((m) => `${m.actor} (${m.why})`).join(', ')}`,
      );
    const unique = [...new Set(errors)];
    if (unique.length)
      console.log(`\n${target}: ${unique.length} error(s):\n  ${unique.slice(0, 10).join('\n  ')}`);
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.targets.includes('app') && options.build) build();

  const large = options.large && options.targets.includes('app');
  const largeMounts = large ? largeStoryMounts() : [];
  const server = await startServer({ mounts: [...benchMounts(), ...largeMounts] });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const chromiumVersion = browser.version();
  let raw;
  try {
    console.log(
      `bench: Chromium ${chromiumVersion}, ${THROTTLE}× CPU throttling, ${options.runs} load run(s)${options.quick ? ', quick' : ''}`,
    );
    raw = await measureAll(browser, server.url, options);
    if (large) {
      raw.largeErrors = [];
      raw.large = await measureLarge(
        browser,
        server.url,
        [{ slug: null, relations: 'default' }, ...SIZES],
        raw.largeErrors,
        (text) => console.log(`         ${text}`),
        { cycles: options.cycles, checkpoint: options.checkpoint },
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const summaries = Object.fromEntries(options.targets.map((t) => [t, summarize(raw[t])]));
  const budgets = options.targets.includes('app')
    ? [...checkBudgets(summaries.app, summaries.reference), ...checkLargeBudgets(raw.large)]
    : [];
  printTable(summaries, budgets, options);
  printLarge(raw.large, budgets, raw.largeErrors);
  printNotes(raw, options);

  const results = {
    date: new Date().toISOString(),
    chromium: `${CHROMIUM_PATH} ${chromiumVersion}`,
    node: process.version,
    throttling: THROTTLE,
    viewport: VIEWPORT,
    options,
    summary: summaries,
    ratios: Object.fromEntries(
      ROWS.map((r) => [
        r.figure,
        ratio(summaries.app?.[r.figure], summaries.reference?.[r.figure]),
      ]),
    ),
    budgets,
    raw,
  };
  await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const missed = budgets.filter((b) => !b.pass);
  if (budgets.length === 0) console.log('\nbudgets: not checked (the app was not measured)');
  else if (missed.length)
    console.log(`\nbudgets: ${missed.length} missed (${missed.map((b) => b.figure).join(', ')})`);
  else console.log('\nbudgets: all met');
  console.log('wrote bench/results.json');
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 2;
});
