/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { elementBuild } from './vite.element.config';
import { coarseWorldAtlas } from './scripts/world-atlas';
import { storySchemaFile } from './scripts/story-schema';
import { firstPaint } from './scripts/first-paint';
import { checkedStories } from './scripts/checked-stories';
import { studioBuild } from './vite.studio.config';
import { studioCountries } from './scripts/studio-countries';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Story files are written indented for people; the build serves them without the whitespace. */
function minifyStories(): Plugin {
  return {
    name: 'minify-stories',
    apply: 'build',
    closeBundle() {
      const dir = join(import.meta.dirname, 'dist', 'stories');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        writeFileSync(
          join(dir, file),
          JSON.stringify(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
        );
      }
    },
  };
}

export default defineConfig({
  // elementBuild: dist/alliance-map.js and its chunks, for host pages (see vite.element.config.ts).
  plugins: [
    coarseWorldAtlas(),
    checkedStories(),
    firstPaint(),
    studioCountries(),
    svelte(),
    minifyStories(),
    storySchemaFile(),
    elementBuild(),
    studioBuild(),
  ],
  publicDir: 'static',
  build: {
    target: 'es2022',
    // The map data is served as separate files (110m at start, 50m only when zoomed in).
    assetsInlineLimit: 0,
    // NO_MINIFY=1 vite build: readable chunks, for reading a profile (bench/README.md).
    minify: !process.env.NO_MINIFY,
    // Every browser the app supports preloads modules itself (Chrome 66, Safari 17, Firefox
    // 115): the polyfill would be 0.4 KB of the start-up download for none of them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The page's own code in one chunk: Rolldown would otherwise move every module a lazy
        // chunk also imports (the Svelte runtime, the story's dates, the scene) into a chunk of
        // its own, six requests before the map instead of one.
        codeSplitting: { groups: [{ name: 'page', tags: ['$initial'] }] },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The property-based validator tests run thousands of stories: on a busy 2-core machine
    // (CI runs beside nothing, developers beside each other) 5 s is too tight for them.
    testTimeout: 30_000,
  },
});
