/**
 * Browser tests run in real Chromium against the production build served by `vite preview`.
 * This machine uses Debian's Chromium (Playwright cannot download its own here); elsewhere,
 * set CHROMIUM_PATH or let Playwright use its own browser.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: 'http://127.0.0.1:4173',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: [
    {
      command: 'node_modules/.bin/vite preview --host 127.0.0.1 --port 4173 --strictPort',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The same build behind a strict Content-Security-Policy header, with the embedding
      // tests' host pages (tests/hosts/) and pym.js beside it.
      command: 'node tests/hosts/server.mjs',
      url: 'http://127.0.0.1:4174/hosts/article.css',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
