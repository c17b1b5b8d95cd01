// What bench/run.mjs and bench/lighthouse.mjs share: paths, the Chromium to use and its
// flags (from shared/docs/TOOLCHAIN.md), the build step, and what the bench server serves.

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
const modules = (path) => join(ROOT, 'node_modules', path);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium tries to reach the internet, which this
// machine can't, and the failed requests would show up in the measurements.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * URL prefix → file or directory, for server.mjs. The app at "/" (this checkout's dist/, or
 * another build's for a before/after comparison), the baseline under /reference/.
 */
export function benchMounts(app = DIST) {
  return [
    ['/', app],
    ['/reference/', join(ROOT, 'bench', 'reference')],
    // The reference page loads these the classic way, as separate files.
    ['/reference/vendor/d3.min.js', modules('d3/dist/d3.min.js')],
    [
      '/reference/vendor/topojson-client.min.js',
      modules('topojson-client/dist/topojson-client.min.js'),
    ],
    ['/reference/data/countries-110m.json', modules('world-atlas/countries-110m.json')],
  ];
}

/** Runs `vite build` (always, or only when dist/ is missing). Throws when it fails. */
export function build({ onlyIfMissing = false } = {}) {
  if (onlyIfMissing && existsSync(join(DIST, 'index.html'))) return;
  console.log('building the app: vite build …');
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

/** Nearest-rank percentile: the smallest sample with at least p of the samples at or below it. */
export function percentile(samples, p) {
  if (!samples?.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** The JS heap the page still holds, read after a full garbage collection. */
export async function usedHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * Runs `cycle(i)` for i from 0 to `cycles` - 1 and takes `sample()` after every `every` of them
 * (after 50, 100, … 500): the samples `heapLevels` reads.
 */
export async function heapSamples(cycles, every, cycle, sample) {
  const samples = [];
  for (let i = 0; i < cycles; i++) {
    await cycle(i);
    if ((i + 1) % every === 0) samples.push(await sample());
  }
  return samples;
}

/**
 * The heap early and late in the cycles, each the median of three samples: the first three
 * (after 50, 100 and 150 cycles) and the last three (after 400, 450 and 500). One-off costs are
 * past by the first, and a single sample taken before a collection could let go of something
 * does not decide the ratio (it did: with one build, the sample after 50 cycles came out at
 * 20.4 MB in one run and about 12 in another, for 0.63× and 1.108×, while the heap after 500
 * stayed at 13–14 MB).
 */
export function heapLevels(samples) {
  if (!samples?.length) return null;
  const median3 = (list) => percentile(list, 0.5);
  return { early: median3(samples.slice(0, 3)), late: median3(samples.slice(-3)) };
}
