// @ts-check
// Serves the built site (dist/site/, from `make site`) on 127.0.0.1 under the page's strict
// Content-Security-Policy, sending the precompressed .br or .gz beside a file when the browser
// accepts it. A malformed request gets 400 and the server goes on serving; CONNECT and every method
// but GET and HEAD get 405. It holds at most --max-connections connections at once (further ones are
// closed at once), and a request whose headers are not all in within --header-timeout milliseconds
// gets 408 and is closed, so idle or half-sent connections cannot tie it up.
// Usage: node scripts/serve.mjs [--port N] [--dir DIR] [--max-connections N] [--header-timeout MS]
//        (port 0 picks a free one; the URL is printed)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** @type {(name: string) => string | undefined} */
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dir = resolve(arg('--dir') ?? join(root, 'dist', 'site'));
const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
const maxConnections = Number(arg('--max-connections') ?? 64);
const headerTimeout = Number(arg('--header-timeout') ?? 10_000);
for (const [name, n] of /** @type {[string, number][]} */ ([['--max-connections', maxConnections], ['--header-timeout', headerTimeout]])) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a whole number above 0`);
    process.exit(1);
  }
}
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir} has no index.html: run \`make site\` first`);
  process.exit(1);
}

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};
// The page must work under a strict policy: no inline script, nothing from elsewhere. 'unsafe-eval'
// only because Chromium before 97 and Safari before 16 compile WebAssembly nowhere else (newer
// browsers take 'wasm-unsafe-eval'); the page itself evaluates no code (docs/browsers.md).
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'";
const common = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' };

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extra] more headers
 */
function plain(res, status, text, extra = {}) {
  res.writeHead(status, { ...common, 'content-type': 'text/plain; charset=utf-8', ...extra }).end(`${text}\n`);
}

/**
 * The file a request path names inside `dir`, or null when it is malformed or leaves `dir`.
 * @param {string} rawUrl
 */
function fileFor(rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://127.0.0.1').pathname);
  } catch {
    return null; // /%E0%A4%A and the like
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = normalize(join(dir, pathname));
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * Which encodings an Accept-Encoding header accepts (q > 0).
 * @param {string} header
 * @returns {(enc: string) => boolean}
 */
function accepting(header) {
  const q = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (!name) continue;
    const weight = params.find((x) => x.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  return (enc) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
}

/**
 * The precompressed variant the client accepts, if it exists.
 * @param {string} file
 * @param {string} acceptEncoding
 */
async function variant(file, acceptEncoding) {
  const accepts = accepting(acceptEncoding);
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts(enc)) continue;
    try {
      if ((await stat(file + ext)).isFile()) return { path: file + ext, encoding: enc };
    } catch { /* not there: try the next */ }
  }
  return { path: file, encoding: null };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    return;
  }
  const file = fileFor(req.url ?? '');
  if (!file) {
    plain(res, 400, 'bad request');
    return;
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info?.isFile()) {
    plain(res, 404, 'not found');
    return;
  }
  const type = types[extname(file)] ?? 'application/octet-stream';
  const chosen = await variant(file, String(req.headers['accept-encoding'] ?? ''));
  const body = await readFile(chosen.path);
  res.writeHead(200, {
    ...common,
    'content-type': type,
    'content-length': body.length,
    vary: 'accept-encoding',
    ...(chosen.encoding ? { 'content-encoding': chosen.encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer({
  // Headers not all in by then: 408 and closed; the whole request (a GET has no body) likewise.
  headersTimeout: headerTimeout,
  requestTimeout: headerTimeout * 3,
  // How often the two timeouts above are checked (Node's default, 30 s, would let them run long).
  connectionsCheckingInterval: Math.min(1000, headerTimeout),
}, (req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) plain(res, 500, 'server error'); else res.destroy();
  });
});
server.maxConnections = maxConnections;
// CONNECT (a proxy tunnel) never reaches the request handler: answered here, then closed.
server.on('connect', (req, socket) => {
  socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
});
// Requests Node cannot even parse (a broken request line, bad headers): 400, then close; requests
// still incomplete at the timeout: 408, then close.
server.on('clientError', (err, socket) => {
  const status = /** @type {NodeJS.ErrnoException} */ (err).code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  if (socket.writable && !socket.destroyed) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
});

server.listen(port, '127.0.0.1', () => {
  console.log(`zhenxing staff page: http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`);
});
