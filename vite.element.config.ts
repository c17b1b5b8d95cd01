/**
 * The second build: `dist/alliance-map.js`, the script host pages load (it sizes map iframes and
 * defines `<alliance-map>`), the app it mounts in lazily loaded chunks under `dist/assets/`, and
 * one stylesheet, `dist/alliance-map.css`, that each element links into its shadow root — no
 * inline styles anywhere, so a strict Content Security Policy holds. The base is relative: every
 * chunk, data file and style is found from the script's own URL, wherever the files are served.
 * The page's build runs it when it is done (`elementBuild()` in vite.config.ts), so a plain
 * `vite build` always leaves a complete dist/; `vite build -c vite.element.config.ts` runs it alone.
 */
import { build, defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { AcceptedPlugin } from 'postcss';
import { coarseWorldAtlas } from './scripts/world-atlas';
import { checkedStories } from './scripts/checked-stories';

/** The page's global rules: inside a shadow root they must target the element's wrapper. */
const PAGE_SELECTORS = new Set([':root', 'html', 'body']);
const WRAPPER = '.alliance-map';

/**
 * Makes the page's styles fit a shadow root: `:root`, `html` and `body` rules apply to the
 * wrapper, and rem lengths (relative to the host page's root font size, which many news sites
 * set to 10px) become multiples of the element's own `--alliance-map-rem`.
 */
function shadowRootStyles(): AcceptedPlugin {
  return {
    postcssPlugin: 'alliance-map-shadow-root',
    Rule(rule) {
      if (rule.selectors.some((s) => PAGE_SELECTORS.has(s.trim()))) {
        rule.selectors = [
          ...new Set(rule.selectors.map((s) => (PAGE_SELECTORS.has(s.trim()) ? WRAPPER : s))),
        ];
      }
    },
    Declaration(declaration) {
      if (/\d\s*rem\b/.test(declaration.value)) {
        declaration.value = declaration.value.replace(
          /(-?\d*\.?\d+)rem\b/g,
          'calc($1 * var(--alliance-map-rem))',
        );
      }
    },
  };
}

/** For the page's build: builds the element into the same dist/ once the page is written. */
export function elementBuild(): Plugin {
  return {
    name: 'alliance-map-element',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: fileURLToPath(import.meta.url) });
    },
  };
}

export default defineConfig({
  plugins: [coarseWorldAtlas(), checkedStories(), svelte()],
  publicDir: false,
  base: './',
  css: { postcss: { plugins: [shadowRootStyles()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // Map data stays in files (fetching a data: URL would break connect-src 'self').
    assetsInlineLimit: 0,
    // One stylesheet for the shadow root; nothing injected into the host page's <head>.
    cssCodeSplit: false,
    modulePreload: false,
    rolldownOptions: {
      input: { 'alliance-map': 'src/element.ts' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/element-[name]-[hash].js',
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.css'))
            ? 'alliance-map.css'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
