/**
 * Shared steps for the embedding tests: host pages from tests/hosts/, served with the strict
 * CSP header by tests/hosts/server.mjs, and a watch on everything the issue says must not happen —
 * CSP violations, uncaught errors (in every frame, sandboxed ones included) and requests to any
 * other origin.
 */
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';

export const ORIGIN = `http://127.0.0.1:${process.env.HOST_PORT ?? 4174}`;
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

interface Watched {
  violations: string[];
  errors: string[];
}
interface HostLog {
  messages: { type: string; target: { kind: string; id: string } | null }[];
  events: {
    element: string;
    detail: { type: string; target: { kind: string; id: string } | null };
  }[];
}
declare global {
  interface Window {
    __watched: Watched;
    /** Kept by tests/hosts/host-log.js. */
    hostLog: HostLog;
  }
}

export interface Watch {
  /** Requests to anything but the test server. */
  foreign: string[];
  /** CSP violations and uncaught errors in every frame so far. */
  problems(): Promise<string[]>;
}

/** Starts watching a page; call before `goto`, so the watch is in place before any script runs. */
export async function watch(page: Page): Promise<Watch> {
  await page.addInitScript(() => {
    window.__watched = { violations: [], errors: [] };
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__watched.violations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
    addEventListener('error', (e) =>
      window.__watched.errors.push(`${e.message} at ${e.filename}:${e.lineno}`),
    );
    addEventListener('unhandledrejection', (e) =>
      window.__watched.errors.push(`unhandled rejection: ${String(e.reason)}`),
    );
  });
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${ORIGIN}/`)) foreign.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    foreign,
    async problems() {
      const found = [...pageErrors];
      for (const frame of page.frames()) {
        const watched = await frame.evaluate(() => window.__watched).catch(() => null);
        if (watched) found.push(...watched.violations, ...watched.errors.map((e) => `error: ${e}`));
      }
      return found;
    },
  };
}

/** The frame of the first map iframe matching `selector`, once its map is drawn. */
export async function mapFrame(
  page: Page,
  selector = 'iframe[data-alliance-map]',
): Promise<{ locator: FrameLocator; frame: Frame }> {
  const locator = page.frameLocator(selector);
  await expect(locator.locator('svg.map[data-ready="true"]')).toBeVisible();
  const frame = await page
    .locator(selector)
    .elementHandle()
    .then((handle) => handle!.contentFrame());
  return { locator, frame: frame! };
}

/** Height of the map's content inside an iframe, as the embed measures it. */
export function contentHeight(frame: Frame): Promise<number> {
  return frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

/** Waits until the iframe is exactly as tall as its content. */
export async function expectSizedToContent(
  page: Page,
  selector: string,
  frame: Frame,
): Promise<number> {
  let height = 0;
  await expect
    .poll(async () => {
      height = await contentHeight(frame);
      const box = await page.locator(selector).boundingBox();
      return Math.abs((box?.height ?? 0) - height);
    })
    .toBeLessThanOrEqual(1);
  return height;
}
