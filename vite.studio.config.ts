/**
 * The third build: `dist/studio.js` and its chunks, the story studio. Built apart from the page
 * so that it shares no chunk with it: a shared chunk would change what every reader downloads
 * (the Svelte runtime and the map code would move into a chunk of their own). The studio has
 * its own copy of them instead, which only an editor downloads. The page's build runs it when it
 * is done (`studioBuild()` in vite.config.ts).
 */
import { build, defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { coarseWorldAtlas } from './scripts/world-atlas';
import { studioCountries } from './scripts/studio-countries';
import { checkedStories } from './scripts/checked-stories';

export function studioBuild(): Plugin {
  return {
    name: 'alliance-map-studio',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: fileURLToPath(import.meta.url) });
    },
  };
}

export default defineConfig({
  plugins: [coarseWorldAtlas(), studioCountries(), checkedStories(), svelte()],
  publicDir: false,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { studio: 'src/studio.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/studio-[name]-[hash].js',
        assetFileNames: 'assets/studio-[name]-[hash][extname]',
      },
    },
  },
});
