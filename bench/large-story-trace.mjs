// Where a click's time goes on the largest generated story: clicks on actors in turn (as
// large-story-bench.mjs makes them), each traced from the press until the emphasis is painted
// and the page is quiet again, and the main thread's CPU time (trace events' thread time, so a
// loaded machine's waits do not count) summed by kind: script, style, layout, paint (pre-paint,
// paint, layerize, commit), garbage collection and other.
//
// Run after `npm run build` (NO_MINIFY=1 for readable names in `--top`):
//   node bench/large-story-trace.mjs [--story bench-3000] [--clicks 6] [--cpu 1]
//                                    [--top 15] [--out /tmp/click-trace.json]
//                                    [--dist <another build's dist/>]
// `--top N` also lists the N functions with the most self time in the clicks (a CPU profile).

import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { installProbe } from './probe.mjs';
import { startServer } from './server.mjs';
import { benchMounts, CHROMIUM_FLAGS, CHROMIUM_PATH } from './shared.mjs';
import { writeLargeStories } from './large-story.mjs';

const KINDS = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.callFunction',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'RunMicrotasks',
    'V8.Execute',
    'HandlePostMessage',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'InvalidateLayout'],
  layout: ['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'],
  paint: [
    'PrePaint',
    'Paint',
    'Layerize',
    'PaintImage',
    'CompositeLayers',
    'Commit',
    'UpdateLayer',
  ],
  gc: ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'BlinkGC.AtomicPhase'],
};
const KIND_OF = new Map(Object.entries(KINDS).flatMap(([k, names]) => names.map((n) => [n, k])));

/** Self thread-time by kind of the main thread's complete events between t0 and t1 (µs). */
export function breakdown(events, t0, t1) {
  const threads = new Map(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => [`${e.pid}:${e.tid}`, true]),
  );
  const main = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        threads.has(`${e.pid}:${e.tid}`) &&
        e.ts >= t0 &&
        e.ts <= t1 &&
        typeof e.tdur === 'number',
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0 };
  // Each event's own time (less its children's), counted for its own kind or its nearest
  // ancestor's that has one.
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const done = stack.pop();
      totals[done.kind] += Math.max(0, done.self);
    }
  };
  for (const e of main) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.tdur;
    const kind = KIND_OF.get(e.name) ?? parent?.kind ?? 'other';
    stack.push({ end: e.ts + e.dur, self: e.tdur, kind });
  }
  close(Infinity);
  return totals;
}

const KIND_NAMES = ['script', 'style', 'layout', 'paint', 'gc', 'other'];
const sum = (totals) => KIND_NAMES.reduce((a, k) => a + totals[k], 0);

/**
 * In the page: marks `emphasis-painted` in the trace each time a frame after a change of the
 * lines' layer has been painted (a frame callback, then a task posted from it), as the bench's
 * click figure ends (large-story-bench.mjs). `__stopWatch()` ends it.
 */
function watchEmphasis() {
  const observer = new MutationObserver(() =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('emphasis-painted');
      channel.port2.postMessage(null);
    }),
  );
  observer.observe(document.querySelector('svg.map .relations') ?? document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class'],
  });
  window.__stopWatch = () => observer.disconnect();
}

/** The functions with the most self time in a CPU profile's samples. */
function topFunctions(profile, n) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const { callFrame } = nodes.get(id);
    const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0));
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

async function main() {
  const { values } = parseArgs({
    options: {
      story: { type: 'string', default: 'bench-3000' },
      clicks: { type: 'string', default: '6' },
      cpu: { type: 'string', default: '1' },
      top: { type: 'string', default: '0' },
      out: { type: 'string' },
      // Another build of the app (an older commit's dist/), for a before/after comparison.
      dist: { type: 'string' },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'trace-stories-'));
  const stories = writeLargeStories(dir).flatMap((slug) =>
    ['json', 'txt'].map((ext) => [`/stories/${slug}.${ext}`, join(dir, `${slug}.${ext}`)]),
  );
  const app = benchMounts(values.dist);
  const server = await startServer({ mounts: [...app, ...stories] });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.cpu) });
    await page.goto(`${server.url}/?story=${values.story}`);
    await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000 });
    const quiet = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            let calm = 0;
            const tick = () => {
              const start = performance.now();
              setTimeout(() => {
                calm = performance.now() - start < 20 ? calm + 1 : 0;
                if (calm >= 20) resolve();
                else requestAnimationFrame(tick);
              }, 0);
            };
            requestAnimationFrame(tick);
          }),
      );
    await quiet();
    const ids = await page.$$eval('svg.map [data-marker][data-actor]', (els) =>
      els.slice(0, 6).map((el) => el.getAttribute('data-actor')),
    );
    const sums = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0 };
    const paintedSums = { ...sums };
    const rows = [];
    const profiles = [];
    const n = Number(values.clicks);
    if (Number(values.top)) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    let events = [];
    for (let i = 0; i < n; i++) {
      const id = ids[i % ids.length];
      const point = await page.evaluate((a) => window.__bench.pointOn(a), id);
      if (!point) continue;
      await quiet();
      await page.evaluate(watchEmphasis);
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'blink.user_timing',
        ],
      });
      if (Number(values.top)) await cdp.send('Profiler.start');
      await page.mouse.click(point.x, point.y);
      await quiet();
      await page.evaluate(() => window.__stopWatch());
      if (Number(values.top)) profiles.push((await cdp.send('Profiler.stop')).profile);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      events = trace.traceEvents ?? trace;
      const input = events
        .filter(
          (e) =>
            e.name === 'EventDispatch' &&
            ['mousemove', 'pointermove', 'mousedown'].includes(e.args?.data?.type),
        )
        .sort((a, b) => a.ts - b.ts)[0];
      const t0 = input?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
      const marks = events.filter((e) => e.name === 'emphasis-painted').map((e) => e.ts);
      const totals = breakdown(events, t0, Infinity);
      const painted = marks.length ? Math.max(...marks) : null;
      const upTo = painted === null ? null : breakdown(events, t0, painted);
      rows.push({ id, ...totals, painted: upTo ? sum(upTo) : null });
      for (const k of Object.keys(sums)) sums[k] += totals[k];
      if (upTo) for (const k of Object.keys(paintedSums)) paintedSums[k] += upTo[k];
    }
    if (values.out) writeFileSync(values.out, JSON.stringify(events));
    const ms = (us) => (us == null ? '–' : (us / 1000).toFixed(1)).padStart(7);
    const kinds = Object.keys(sums);
    const line = (name, r, painted) =>
      console.log(
        `  ${name.padEnd(7)} ${kinds.map((k) => ms(r[k])).join('')} ${ms(sum(r))}  ${ms(painted)}`,
      );
    console.log(
      `main-thread CPU ms per click, ${values.story} at ${values.cpu}× CPU: by kind from the ` +
        `pointer's move until quiet, and in all until the emphasis was painted (as the bench times it)`,
    );
    console.log(`  actor   ${kinds.map((k) => k.padStart(7)).join('')}   total  painted`);
    for (const r of rows) line(r.id, r, r.painted);
    const mean = Object.fromEntries(kinds.map((k) => [k, sums[k] / rows.length]));
    const painted = rows.filter((r) => r.painted !== null).map((r) => r.painted);
    line('mean', mean, painted.length ? painted.reduce((a, b) => a + b) / painted.length : null);
    const upTo = Object.fromEntries(kinds.map((k) => [k, paintedSums[k] / painted.length]));
    if (painted.length) {
      line('painted', upTo, null);
      const sorted = [...painted].sort((a, b) => a - b);
      const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
      console.log(`  until the emphasis was painted: p50 ${ms(q(0.5))}, p95 ${ms(q(0.95))} ms`);
    }
    if (profiles.length) {
      const merged = new Map();
      for (const profile of profiles)
        for (const [key, us] of topFunctions(profile, 1000))
          merged.set(key, (merged.get(key) ?? 0) + us);
      console.log(`\nself time in the clicks' CPU profile, ms per click:`);
      for (const [key, us] of [...merged].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
        console.log(`  ${ms(us / profiles.length)}  ${key}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
