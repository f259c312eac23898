// dist/site/ is a site: served by a plain static server that knows nothing of zhenxing (Python's
// http.server, no CSP header, no /pkg/ mount), the page computes the package's figures under the
// CSP its own <meta> tag sets. The .wasm has .gz and .br beside it, and serve.mjs sends them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { assertClean, assertFiguresMatch, ensureSite, exported, households, launch, openPage, serveSite, site, startServer, stop, typeIn } from './helpers.mjs';

const engine = new PolicyEngine();
let python, browser;

before(async () => {
  ensureSite();
  python = await startServer('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', site],
    /http:\/\/127\.0\.0\.1:\d+\//);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stop(python?.proc);
});

function fetchRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the folder holds the page, the module and its precompressed copies, and nothing of the build', () => {
  for (const f of ['index.html', 'app.js', 'style.css', 'policy-text.json', 'pkg/index.js', 'pkg/zhenxing.js', 'pkg/zhenxing_bg.wasm']) {
    assert.ok(existsSync(`${site}/${f}`), f);
  }
  const wasm = readFileSync(`${site}/pkg/zhenxing_bg.wasm`);
  assert.ok(wasm.equals(readFileSync(new URL('../../dist/zhenxing/web/zhenxing_bg.wasm', import.meta.url))), 'the package\'s own module');
  assert.ok(gunzipSync(readFileSync(`${site}/pkg/zhenxing_bg.wasm.gz`)).equals(wasm), '.gz is the module');
  assert.ok(brotliDecompressSync(readFileSync(`${site}/pkg/zhenxing_bg.wasm.br`)).equals(wasm), '.br is the module');
  assert.ok(readFileSync(`${site}/pkg/zhenxing_bg.wasm.br`).length < wasm.length / 3, 'brotli saves two thirds');
  assert.deepEqual(readdirSync(`${site}/pkg`).filter((f) => /\.d\.c?ts$/.test(f)), []);
  assert.match(readFileSync(`${site}/index.html`, 'utf8'), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
});

test('served by python3 -m http.server, the page computes the package\'s figures', async () => {
  const tab = await openPage(browser, python.url);
  assert.equal(tab.response.headers()['content-security-policy'], undefined, 'a host that sends no policy');
  for (const name of ['unstable', 'sudden', 'marginal']) {
    await typeIn(tab.page, households[name]);
    const h = await exported(tab.page);
    assert.deepEqual(h, households[name]);
    await assertFiguresMatch(tab.page, engine, h);
  }
  // The <meta> policy holds: an inline script does not run.
  const ran = await tab.page.evaluate(() => new Promise((resolve) => {
    window.__inline = false;
    document.addEventListener('securitypolicyviolation', () => resolve(window.__inline), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    setTimeout(() => resolve(window.__inline), 1000);
  }));
  assert.equal(ran, false, 'inline script blocked by the page\'s own CSP');
  tab.problems.splice(0, tab.problems.length, ...tab.problems.filter((p) => !/Content Security Policy/.test(p)));
  assertClean(tab);
  await tab.page.close();
});

test('serve.mjs sends the precompressed module with the right headers', async () => {
  const { url, proc } = await serveSite();
  try {
    const raw = readFileSync(`${site}/pkg/zhenxing_bg.wasm`);
    const br = await fetchRaw(`${url}pkg/zhenxing_bg.wasm`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.ok(brotliDecompressSync(br.body).equals(raw));
    const gz = await fetchRaw(`${url}pkg/zhenxing_bg.wasm`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(raw));
    const none = await fetchRaw(`${url}pkg/zhenxing_bg.wasm`, { 'accept-encoding': 'br;q=0, identity' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.ok(none.body.equals(raw));
    const page = await fetchRaw(url);
    assert.match(page.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(page.body.toString(), /<title>振兴/);
  } finally {
    await stop(proc);
  }
});

/** The modules a file imports statically, read from its text (comments left out), as site paths. */
function staticImports(path) {
  const text = readFileSync(`${site}/${path}`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)];
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return found.map((m) => new URL(m[1] ?? m[2], `http://site/${dir}`).pathname.slice(1));
}

test('the register page\'s worker is one file: it imports nothing but the Excel library', () => {
  // Its imports (register-worker.js, pkg/index.js, engine.js, zhenxing.js, snippets) were four round
  // trips one after the other before it could start.
  assert.deepEqual(staticImports('register-worker.js'), ['vendor/excel.js']);
  assert.match(readFileSync(`${site}/register-worker.js`, 'utf8'), /new URL\("pkg\/zhenxing_bg\.wasm", import\.meta\.url\)/);
});

test('each page preloads every module its scripts import, the .wasm first: no round trip per import level', () => {
  // On DevTools' "Slow 4G" (562.5 ms a request) the staff page's household module, five levels of
  // imports below app.js, cost a round trip a level before scripts/site.mjs wrote these links.
  for (const page of readdirSync(site).filter((n) => n.endsWith('.html'))) {
    const html = readFileSync(`${site}/${page}`, 'utf8');
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
    const closure = new Set(scripts);
    for (const file of closure) for (const next of staticImports(file)) closure.add(next);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual([...preloaded].sort(), [...closure].sort(), page);
    const at = (pattern) => html.search(pattern);
    // The module each page computes with (the register page's is its worker's, which loads it).
    const wasm = { 'index.html': 'pkg/household/household_bg.wasm', 'county.html': 'pkg/zhenxing_bg.wasm' }[page];
    if (wasm) {
      assert.ok(html.includes(`<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin>`), `${page} preloads its module`);
      assert.ok(at(/<link rel="preload"/) < at(/<link rel="modulepreload"/), `${page}: the .wasm is asked for before the scripts`);
    }
    assert.ok(at(/<link rel="modulepreload"/) < at(/<script type="module"/), `${page}: preloads before the module scripts`);
    assert.ok(at(/<script src=/) < at(/<link rel="modulepreload"/), `${page}: the classic scripts, which block the page, asked for first`);
  }
});
