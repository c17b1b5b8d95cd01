// A tiny static file server for the bench, bound to 127.0.0.1 only.
// It answers like a static host would: gzip (level 9, compressed once and kept, as a host
// serving pre-compressed files does) when the request's Accept-Encoding allows it, so the
// transfer sizes the browser reports are the sizes a reader would download.
//
//   import { startServer } from './server.mjs';
//   const server = await startServer({ mounts: [['/', 'dist'], ['/reference/', 'bench/reference']] });
//   ... server.url ...; await server.close();
//
// Run directly (`node bench/server.mjs [port]`) it serves dist/ and the reference page.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { benchMounts } from './shared.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
// Already-compressed formats gain nothing from gzip; hosts skip them too.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.ico']);

/**
 * @param {{ mounts: [string, string][], port?: number }} options
 *   mounts: [url prefix, file or directory]; the longest matching prefix wins.
 *   A prefix ending in "/" maps a directory; any other prefix maps one file.
 */
export async function startServer({ mounts, port = 0 }) {
  const table = [...mounts].sort((a, b) => b[0].length - a[0].length);
  const gzipCache = new Map(); // file path + mtime → gzipped bytes

  const server = createServer((req, res) => {
    handle(req, res, table, gzipCache).catch((error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  // Browsers keep connections alive; don't let them hold close() open.
  server.keepAliveTimeout = 1000;

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: actualPort } = server.address();
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

async function handle(req, res, table, gzipCache) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);

  // "/reference" → "/reference/" so relative URLs in its index.html resolve.
  if (table.some(([prefix]) => prefix === `${pathname}/` && prefix !== '/')) {
    res.writeHead(301, { location: `${pathname}/` });
    return res.end();
  }

  const file = await resolveFile(pathname, table);
  if (!file) return send(res, 404, 'not found');

  const ext = extname(file.path);
  const headers = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Vite's hashed assets never change; everything else must be revalidated.
    'cache-control': pathname.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    vary: 'Accept-Encoding',
  };
  let body = await readFile(file.path);
  if (COMPRESSIBLE.has(ext) && acceptsGzip(req)) {
    body = gzipped(file, body, gzipCache);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The file a URL path names, or null. Never leaves the mounted directory. */
async function resolveFile(pathname, table) {
  for (const [prefix, target] of table) {
    const isDir = prefix.endsWith('/');
    if (isDir ? !pathname.startsWith(prefix) : pathname !== prefix) continue;
    let path = target;
    if (isDir) {
      const root = resolve(target);
      path = normalize(join(root, pathname.slice(prefix.length)));
      if (path !== root && !path.startsWith(root + sep)) return null;
    }
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) path = join(path, 'index.html');
    const fileInfo = info?.isDirectory() ? await stat(path).catch(() => null) : info;
    if (fileInfo?.isFile()) return { path, mtimeMs: fileInfo.mtimeMs };
    return null; // the longest matching mount owns this path
  }
  return null;
}

function acceptsGzip(req) {
  return /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
}

function gzipped(file, body, cache) {
  const key = `${file.path}@${file.mtimeMs}`;
  if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
  return cache.get(key);
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({
    mounts: benchMounts(),
    port: Number(process.argv[2] ?? 4174),
  });
  console.log(`serving dist/ at ${server.url}/ and the reference page at ${server.url}/reference/`);
  process.once('SIGINT', () => server.close().then(() => process.exit(0)));
}
