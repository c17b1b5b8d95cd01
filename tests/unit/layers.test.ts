/**
 * The app's layers hold (issue #14, "layers, not reach-ins"): no two folders of `src/lib` import
 * each other, even through others, and the pure core (`src/lib/core`: story, scene, geometry,
 * style tokens) imports no UI. The graph is read from the import statements by
 * `scripts/layers.ts`; its cycle finder is checked on small graphs first.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  appImports,
  cyclesOf,
  folderGraph,
  folderOf,
  importsIn,
  sourceFiles,
  type Graph,
} from '../../scripts/layers';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const graphOf = (edges: Record<string, string[]>): Graph =>
  new Map(Object.entries(edges).map(([a, bs]) => [a, new Set(bs)]));

describe('the cycle finder', () => {
  it.each<{ name: string; edges: Record<string, string[]>; cycles: string[][] }>([
    { name: 'a chain', edges: { a: ['b'], b: ['c'] }, cycles: [] },
    {
      name: 'two folders importing each other',
      edges: { a: ['b'], b: ['a'] },
      cycles: [['a', 'b']],
    },
    {
      name: 'a loop through a third folder',
      edges: { map: ['state'], state: ['story'], story: ['map'] },
      cycles: [['map', 'state', 'story']],
    },
    {
      name: 'two loops sharing a folder',
      edges: { a: ['b', 'c'], b: ['a'], c: ['a'] },
      cycles: [
        ['a', 'b'],
        ['a', 'c'],
      ],
    },
  ])('finds every cycle of $name, each once', ({ edges, cycles }) => {
    expect(cyclesOf(graphOf(edges))).toEqual(cycles);
  });
});

describe('reading imports', () => {
  const file = resolve(src, 'lib/map/WorldMap.svelte');
  it.each([
    { line: "import { a } from '../core/map/geo';", target: 'lib/core/map/geo' },
    { line: "import type { B } from '../state/app.svelte';", target: 'lib/state/app.svelte' },
    { line: "const m = import('../panel/reading');", target: 'lib/panel/reading' },
    { line: "import '../../app.css';", target: 'app.css' },
    { line: "import url from 'world-atlas/countries-110m.json?url';", target: undefined },
    { line: "export { default as X } from './X.svelte';", target: 'lib/map/X.svelte' },
  ])('reads `$line`', ({ line, target }) => {
    const [found] = importsIn(file, line);
    expect(found?.target).toBe(target === undefined ? undefined : resolve(src, target));
  });

  it.each([
    { file: 'lib/core/story/dates.ts', folder: 'core' },
    { file: 'lib/map/WorldMap.svelte', folder: 'map' },
    { file: 'App.svelte', folder: '(root)' },
  ])('counts $file in the folder $folder', ({ file, folder }) => {
    expect(folderOf(src, resolve(src, file))).toBe(folder);
  });
});

describe('the app', () => {
  const imports = appImports(src);
  const core = resolve(src, 'lib/core');
  const inCore = (path: string) => path.startsWith(core + '/');

  it('reads the imports of every folder', () => {
    const folders = new Set(imports.map(({ from }) => folderOf(src, from)));
    for (const folder of ['core', 'map', 'state', 'panel', 'present', 'timeline', '(root)']) {
      expect(folders).toContain(folder);
    }
  });

  it('has no cycle between its folders', () => {
    expect(cyclesOf(folderGraph(src, imports)).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('lets the export find the map by the parts the layers declare, not by their class names', () => {
    const exportFiles = sourceFiles(resolve(src, 'lib/export'));
    const selectors = exportFiles.flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /(?:querySelector(?:All)?(?:<[^>]*>)?|matches|closest)\(\s*(['"`][^'"`]*['"`])/g,
        ),
      ].map((match) => `${file.slice(src.length)}: ${match[1]}`),
    );
    expect(selectors).toEqual([]);
  });

  it('keeps the core free of UI: it imports only itself and no Svelte', () => {
    const reachingOut = imports
      .filter(({ from }) => inCore(from))
      .filter(
        ({ specifier, target }) =>
          (target !== undefined && !inCore(target)) ||
          specifier.endsWith('.svelte') ||
          specifier === 'svelte' ||
          specifier.startsWith('svelte/') ||
          specifier.startsWith('d3-selection') ||
          specifier.startsWith('d3-zoom'),
      )
      .map(({ from, specifier }) => `${from.slice(src.length)}: ${specifier}`);
    expect(reachingOut).toEqual([]);
  });
});
