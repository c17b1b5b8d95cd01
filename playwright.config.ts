/**
 * Browser tests run in real Chromium against the production build served by `vite preview`.
 * This machine uses Debian's Chromium (Playwright cannot download its own here); elsewhere,
 * set CHROMIUM_PATH or let Playwright use its own browser.
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Ports of the app and of the host pages; set them to run two checkouts' tests side by side. */
const APP_PORT = Number(process.env.APP_PORT ?? 4173);
const HOST_PORT = Number(process.env.HOST_PORT ?? 4174);

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // No retries: a test that fails one run in three has found a race; find it, don't hide it.
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
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
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The same build behind a strict Content-Security-Policy header, with the embedding
      // tests' host pages (tests/hosts/) and pym.js beside it.
      command: `node tests/hosts/server.mjs`,
      env: { PORT: String(HOST_PORT) },
      url: `http://127.0.0.1:${HOST_PORT}/hosts/article.css`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
