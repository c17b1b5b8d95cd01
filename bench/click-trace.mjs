// Where a click's time goes, the app against the reference: the bench's clicks (Russia → China →
// North Korea, the pointer resting on the actor first, as run.mjs makes them) under a Chromium
// trace, and for each click the renderer main thread's CPU time (trace events' thread time, which
// a loaded machine's waits do not inflate) in the task that handled the click and in the frame
// that painted the answer, by phase, with the wall time from that frame's end to the probe's
// "painted" task. Pages alternate, so drift in the machine's speed hits both alike.
//
// Run after `npm run build` (NO_MINIFY=1 for readable names in --out traces):
//   node bench/click-trace.mjs [--clicks 20] [--rounds 2] [--cpu 4] [--dist <another build>]
//                              [--vs <another build, measured in turn as "vs">]
//                              [--out /tmp/click-trace]   (writes <out>-<page>-<round>.json)

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { installProbe } from './probe.mjs';
import { startServer } from './server.mjs';
import { benchMounts, CHROMIUM_FLAGS, CHROMIUM_PATH } from './shared.mjs';

const ACTORS = ['RUS', 'CHN', 'PRK'];
const PAGES = { app: '/', reference: '/reference/' };
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'cc',
  'blink.user_timing',
];
/** Phases of the answering frame: trace event name → column. */
const FRAME_PHASES = {
  FireAnimationFrame: 'rAF',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
};
const COLUMNS = [
  'input',
  ...new Set(Object.values(FRAME_PHASES)),
  'frame',
  'cpu',
  'after',
  'latency',
];

/** The bench's clicks, each followed by a mark when the probe has seen the heading painted. */
async function click(page, actor) {
  const point = await page.evaluate((id) => window.__bench.pointOn(id), actor);
  if (!point) return null;
  await page.mouse.move(point.x, point.y);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.evaluate(() => window.__bench.armPanel(3000));
  await page.mouse.down();
  await page.mouse.up();
  return page.evaluate(() => window.__bench.panel);
}

/** Per click: CPU ms of the click's task and of the frame that painted it, by phase. */
export function clickFrames(events, results) {
  const threads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const main = events
    .filter((e) => e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`) && typeof e.tdur === 'number')
    .sort((a, b) => a.ts - b.ts);
  const clicks = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  // The probe's "painted" task, in trace time: its performance.now() against a mark's.
  const sync = events.find((e) => e.name === 'click-trace-sync');
  const offset = sync ? sync.ts - sync.args.data.startTime * 1000 : null;
  const rows = [];
  clicks.forEach((clickEvent, i) => {
    const result = results[i];
    if (!result || offset === null) return;
    const painted = offset + result.paintedAt * 1000;
    const task = main
      .filter((e) => e.name === 'RunTask' && e.ts <= clickEvent.ts && e.ts + e.dur >= clickEvent.ts)
      .at(-1);
    const frame = main
      .filter(
        (e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts + e.dur <= painted && e.ts >= task.ts,
      )
      .at(-1);
    if (!task || !frame) return;
    const row = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
    const within = (outer) => (e) => e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
    // Input handling when it ran in a task of its own (otherwise inside the frame's task).
    row.input = frame === task ? 0 : task.tdur / 1000;
    for (const e of main.filter(within(frame))) {
      const phase = FRAME_PHASES[e.name];
      // Paint events nest (a layer's inside the frame's): count the outermost only.
      if (
        phase &&
        !(e.name === 'Paint' && main.some((p) => p !== e && p.name === 'Paint' && within(p)(e)))
      )
        row[phase] += e.tdur / 1000;
    }
    row.frame = frame.tdur / 1000;
    row.cpu = row.input + row.frame;
    row.after = (painted - (frame.ts + frame.dur)) / 1000;
    row.latency = result.latency;
    rows.push(row);
  });
  return rows;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function main() {
  const { values } = parseArgs({
    options: {
      clicks: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '2' },
      cpu: { type: 'string', default: '4' },
      dist: { type: 'string' },
      // A second build of the app (another commit's dist/), measured in turn with the two pages.
      vs: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const server = await startServer({ mounts: benchMounts(values.dist) });
  const other = values.vs ? await startServer({ mounts: benchMounts(values.vs) }) : null;
  const pages = { app: server.url + PAGES.app, reference: server.url + PAGES.reference };
  if (other) pages.vs = other.url + PAGES.app;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const rows = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  try {
    for (let round = 1; round <= Number(values.rounds); round++) {
      for (const [name, url] of Object.entries(pages)) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.addInitScript(installProbe);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.cpu) });
        await page.goto(url);
        await page.waitForFunction(() => window.__bench.readyAt !== null, null, {
          timeout: 60_000,
        });
        await sleep(1000);
        // One unmeasured click first: the first render of the panel is not what this is about.
        await click(page, ACTORS.at(-1));
        await sleep(250);
        await browser.startTracing(page, { categories: CATEGORIES });
        const results = [];
        for (let i = 0; i < Number(values.clicks); i++) {
          results.push(await click(page, ACTORS[i % ACTORS.length]));
          await sleep(250);
        }
        // Ties the probe's performance.now() to trace time (a mark's event carries both).
        await page.evaluate(() => performance.mark('click-trace-sync'));
        const trace = JSON.parse((await browser.stopTracing()).toString());
        const events = trace.traceEvents ?? trace;
        if (values.out)
          writeFileSync(`${values.out}-${name}-${round}.json`, JSON.stringify(events));
        rows[name].push(...clickFrames(events, results));
        console.log(`  round ${round}: ${name}, ${results.filter(Boolean).length} clicks`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await other?.close();
  }
  console.log(
    `\nmedian per click, ms (${values.cpu}× CPU): main-thread CPU of the task that handled the ` +
      `click ("input", 0 when it ran inside the frame's task) and of the frame that painted the ` +
      `answer, by phase; "after": wall time from that frame's end to the probe's painted task`,
  );
  console.log(`  ${'page'.padEnd(10)}${COLUMNS.map((c) => c.padStart(9)).join('')}     n`);
  for (const [name, list] of Object.entries(rows)) {
    const cells = COLUMNS.map((c) =>
      list.length ? median(list.map((r) => r[c])).toFixed(2) : '–',
    );
    console.log(
      `  ${name.padEnd(10)}${cells.map((c) => c.padStart(9)).join('')}  ${String(list.length).padStart(4)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
