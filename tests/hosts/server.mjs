/**
 * A tiny static server for the embedding tests, on 127.0.0.1 only. It serves the production build
 * (dist/) at /, the host pages of tests/hosts/ at /hosts/ and pym.js from node_modules at
 * /vendor/, every response with the strict Content Security Policy of issue #5 as an HTTP header
 * (no inline scripts or styles, no eval, nothing from other origins), and with CORS open so a
 * sandboxed iframe (an opaque origin) may load the map's modules and data.
 *
 *   node tests/hosts/server.mjs            # http://127.0.0.1:4174
 *   PORT=5000 node tests/hosts/server.mjs
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PORT = Number(process.env.PORT ?? 4174);

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

/** URL prefix → folder it is served from; the first match wins. */
const MOUNTS = [
  ['/hosts/', join(ROOT, 'tests/hosts')],
  ['/vendor/', join(ROOT, 'node_modules/pym.js/dist')],
  ['/', join(ROOT, 'dist')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The file a URL path names, or null when it would leave its folder or is the server itself. */
function fileFor(pathname) {
  const [prefix, folder] = MOUNTS.find(([p]) => pathname.startsWith(p));
  let rest = decodeURIComponent(pathname.slice(prefix.length));
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  const file = normalize(join(folder, rest));
  if (!file.startsWith(folder + sep) || file.endsWith('.mjs')) return null;
  return file;
}

const server = createServer(async (request, response) => {
  const headers = {
    'Content-Security-Policy': STRICT_CSP,
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  try {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(pathname);
    if (!file || !(await stat(file)).isFile()) throw new Error('not found');
    const body = await readFile(file);
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  }
});

server.listen(PORT, '127.0.0.1', () =>
  console.log(`Embedding test server on http://127.0.0.1:${PORT}`),
);
