/**
 * The app's layers, read from its import statements: which folder of `src/lib` imports which,
 * the cycles between folders, and what the pure core imports. `tests/unit/layers.test.ts` fails
 * on any folder cycle and on `src/lib/core` importing UI; `npx tsx scripts/layers.ts` prints the
 * graph.
 *
 * A folder is the first name below `src/lib` (`core/story/dates.ts` is in `core`); a file directly
 * under `src` (App.svelte, main.ts, element.ts) is in the folder `(root)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Graph = Map<string, Set<string>>;

/** An import of one source file: the text after `from` (or in `import()`), and the file it names. */
export interface Import {
  from: string;
  specifier: string;
  /** The imported file without its extension, absolute; undefined for a package. */
  target?: string;
}

const SOURCE = /\.(ts|svelte)$/;
const IMPORT =
  /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** Every `.ts` and `.svelte` file below a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The imports written in one file's text (static, dynamic and side-effect imports). */
export function importsIn(file: string, text: string): Import[] {
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    const target = specifier.startsWith('.')
      ? resolve(dirname(file), specifier.split('?')[0]!)
      : undefined;
    return { from: file, specifier, target };
  });
}

/** The folder a file belongs to, as this module counts folders. */
export function folderOf(src: string, file: string): string {
  const parts = relative(src, file).split(sep);
  return parts[0] === 'lib' && parts.length > 2 ? parts[1]! : '(root)';
}

/** Which folder imports which (an edge from importer to imported; none within a folder). */
export function folderGraph(src: string, imports: Import[]): Graph {
  const graph: Graph = new Map();
  for (const { from, target } of imports) {
    if (!target) continue;
    const a = folderOf(src, from);
    const b = folderOf(src, target);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

/**
 * Every elementary cycle of a graph, each once, starting at its first node in name order
 * (`['map', 'state']` for map → state → map).
 */
export function cyclesOf(graph: Graph): string[][] {
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])])];
  nodes.sort();
  const cycles: string[][] = [];
  nodes.forEach((start, rank) => {
    const path = [start];
    const visit = (node: string): void => {
      for (const next of graph.get(node) ?? []) {
        if (nodes.indexOf(next) < rank) continue;
        if (next === start) cycles.push([...path]);
        else if (!path.includes(next)) {
          path.push(next);
          visit(next);
          path.pop();
        }
      }
    };
    visit(start);
  });
  return cycles;
}

/** All imports of the app's source below `src`. */
export function appImports(src: string): Import[] {
  return sourceFiles(src).flatMap((file) => importsIn(file, readFileSync(file, 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const src = resolve(import.meta.dirname, '../src');
  const graph = folderGraph(src, appImports(src));
  for (const [folder, targets] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${folder} → ${[...targets].sort().join(', ')}`);
  }
  const cycles = cyclesOf(graph);
  console.log(`${cycles.length} folder cycles`);
  for (const cycle of cycles) console.log(`  ${[...cycle, cycle[0]].join(' → ')}`);
}
