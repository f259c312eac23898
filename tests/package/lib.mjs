// Helpers of the packaging tests: a project (an example, the Jest or Vitest project) copied to a
// temporary folder and installed from its own lockfile with zhenxing from the freshly packed tarball;
// a static server on 127.0.0.1; Debian's chromium; sizes.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';

export const repo = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const tarball = join(repo, 'dist', 'zhenxing.tgz');
export const built = join(repo, 'dist', 'zhenxing');
const keep = process.env.ZX_KEEP === '1';

/** Runs a command; resolves to what it printed (stdout, then stderr), or fails with it. */
export function run(cmd, args, { cwd, env } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  }
  return `${r.stdout}${r.stderr}`;
}

/**
 * Copies the project at `src` (without node_modules and build output) to a temporary folder and runs
 * `npm ci` there. Its lockfile pins every tool; zhenxing is pointed at the freshly packed tarball with
 * that tarball's own integrity (a stale integrity would make npm take an older copy from its cache).
 * Checks that the installed package is the one in dist/.
 */
export function prepare(src, name) {
  const dir = mkdtempSync(join(tmpdir(), `zhenxing-${name}-`));
  cpSync(src, dir, {
    recursive: true,
    filter: (path) => !/^(node_modules|dist|test-results)$/.test(relative(src, path).split(sep)[0]),
  });
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const field = pkg.dependencies?.zhenxing ? 'dependencies' : 'devDependencies';
  if (!pkg[field]?.zhenxing) throw new Error(`${name}: package.json does not depend on zhenxing`);
  pkg[field].zhenxing = spec;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  const lockFile = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  lock.packages[''][field].zhenxing = spec;
  Object.assign(lock.packages['node_modules/zhenxing'], { resolved: spec, integrity });
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  for (const file of ['package.json', 'web/zhenxing_bg.wasm', 'inline/index.js', 'node/index.cjs']) {
    const installed = readFileSync(join(dir, 'node_modules', 'zhenxing', file));
    if (!installed.equals(readFileSync(join(built, file)))) throw new Error(`${name}: node_modules/zhenxing/${file} is not the one in dist/`);
  }
  return dir;
}

export function cleanup(dir) {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

// ---- a static server ---------------------------------------------------------------------------
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 (a free port); resolves to { url, close }. */
export async function serve(root) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Starts a long-running command (a dev server) and resolves with the first URL it prints. */
export async function start(cmd, args, { cwd, pattern = /https?:\/\/(?:127\.0\.0\.1|localhost):\d+\/?/ }) {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} printed no URL in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      const m = output.match(pattern);
      if (m) { clearTimeout(timer); resolve(m[0].replace('localhost', '127.0.0.1')); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${cmd} exited ${code}:\n${output}`)); });
  });
  return {
    url: url.endsWith('/') ? url : `${url}/`,
    output: () => output,
    stop: async () => { child.removeAllListeners('exit'); child.kill('SIGTERM'); await once(child, 'exit').catch(() => {}); },
  };
}

// ---- chromium ----------------------------------------------------------------------------------
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Opens `url` in a new page, waits until the example marks body[data-ready], and returns what it
 * shows, every request it made, and every problem (failed responses, errors).
 */
export async function visit(browser, url, name) {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  const downloads = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', async (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    else if (/\.(m?js|wasm)(\?|$)/.test(new URL(r.url()).pathname) || /javascript|wasm/.test(r.headers()['content-type'] ?? '')) {
      downloads.push(r.body().then((b) => ({ url: r.url(), bytes: b.length, gzip: gzipSync(b, { level: 9 }).length })).catch(() => null));
    }
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 }).catch((e) => problems.push(`not ready: ${e.message}`));
  const shown = await page.evaluate(() => ({
    ready: document.body.dataset.ready,
    monthly: document.querySelector('#monthly')?.textContent,
    annual: document.querySelector('#annual')?.textContent,
    programs: [...document.querySelectorAll('#programs li')].map((li) => li.dataset.program),
    error: document.querySelector('#error')?.textContent,
  }));
  const shot = join(repo, 'test-output', 'examples');
  mkdirSync(shot, { recursive: true });
  await page.screenshot({ path: join(shot, `${name}.png`) }).catch(() => {});
  await page.close();
  return { shown, requests, problems, downloads: (await Promise.all(downloads)).filter(Boolean) };
}

// ---- sizes -------------------------------------------------------------------------------------
/** The .js and .wasm files under `dir` (a build's output), with raw and gzip sizes. */
export function outputSizes(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|wasm)$/.test(entry.name)) {
        const bytes = readFileSync(path);
        files.push({ file: relative(dir, path), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return files;
}
