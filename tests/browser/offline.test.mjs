// The site offline: a county officer who opened the staff page once reloads it with no connection
// (the server stopped, the browser offline) and it computes the package's figures, saying that it
// runs offline and which parameter set it holds; the county and register pages open too. The
// service worker's cache is named after the build: a new build replaces it. Every request went to
// 127.0.0.1. Screenshots in test-output/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { assertFiguresMatch, ensureSite, exported, households, launch, root, shots, site, startServer, stop, typeIn } from './helpers.mjs';

const engine = new PolicyEngine();
const set = engine.parameterSet();
let browser;

before(async () => {
  ensureSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** scripts/serve.mjs over `dir` on `port` (0: a free one). */
const serve = (dir, port = 0) => startServer(process.execPath, [`${root}scripts/serve.mjs`, '--port', String(port), '--dir', dir]);

/** Stop a server once (stopping one killed by a signal again would wait for an exit already past). */
const halt = async (proc) => {
  if (proc.signalCode === null && proc.exitCode === null) await stop(proc);
};

/** A new context whose every request (the service worker's too) and every page problem is kept. */
async function visit(url) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { context, page, requests, problems };
}

/** The names of the caches, and the paths the service worker keeps, once it controls the page. */
async function kept(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  return page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    return { keys, paths: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
}

test('sw.js lists every file of the site and is named after the build', () => {
  const sw = readFileSync(`${site}/sw.js`, 'utf8');
  const version = /^const VERSION = '([0-9a-f]{16})';$/m.exec(sw)?.[1];
  assert.ok(version, 'a version from the build');
  const files = JSON.parse(/^const FILES = (\[.*\]);$/m.exec(sw)[1]);
  const all = [];
  const walk = (dir) => readdirSync(dir).forEach((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : all.push(relative(site, join(dir, n)))));
  walk(site);
  const expected = all.filter((f) => !/\.(gz|br)$/.test(f) && f !== 'sw.js').sort();
  assert.deepEqual(files, ['./', ...expected]);
  for (const f of ['index.html', 'pkg/zhenxing_bg.wasm', 'policy-text.json', 'county.html', 'county.js', 'register.html', 'register-worker.js', 'vendor/excel.js', 'offline.js']) {
    assert.ok(files.includes(f), f);
  }
});

test('opened once, the staff page reloads with no connection, computes, and says it is offline', async () => {
  const { url, proc } = await serve(site);
  const tab = await visit(url);
  const { page, context } = tab;
  try {
    const { keys, paths } = await kept(page);
    assert.equal(keys.length, 1);
    assert.match(keys[0], /^zhenxing-[0-9a-f]{16}$/);
    for (const p of ['/', '/index.html', '/pkg/zhenxing_bg.wasm', '/policy-text.json', '/register.html', '/county.html']) assert.ok(paths.includes(p), p);
    assert.equal(await page.$('#offline-note:not([hidden])'), null, 'no note while online');
    assert.equal(await page.$('#offline-unavailable'), null, 'on 127.0.0.1 the copy is kept: no warning');

    await halt(proc);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.waitForSelector('#offline-note:not([hidden])');
    const note = await page.textContent('#offline-note');
    assert.match(note, /未连接网络/);
    assert.ok(note.includes(`所用参数：${set.title}（${set.published} 发布）`), note);
    await typeIn(page, households.unstable);
    const h = await exported(page);
    await assertFiguresMatch(page, engine, h);
    await page.screenshot({ path: `${shots}/offline-staff-page.png` });

    // The other pages were kept with it (leaving a typed household, the officer confirms).
    page.on('dialog', (d) => d.accept());
    for (const [path, ready] of [['register.html', '#file'], ['county.html', '#region']]) {
      await page.goto(`${url}${path}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      await page.waitForSelector(ready, { state: 'attached' });
      await page.waitForSelector('#offline-note:not([hidden])');
    }
    // Back online, the note goes.
    await context.setOffline(false);
    await page.waitForSelector('#offline-note', { state: 'hidden' });
    for (const u of tab.requests) assert.equal(new URL(u).hostname, '127.0.0.1', u);
    assert.deepEqual(tab.problems, []);
  } finally {
    await context.close();
    await halt(proc);
  }
});

test('the site down but the computer online: the page opens from the copy and says so', async () => {
  const { url, proc } = await serve(site);
  const port = Number(new URL(url).port);
  const tab = await visit(url);
  const { page, context } = tab;
  let failing;
  try {
    await kept(page);
    // Answered by the site: no note.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.waitForTimeout(300);
    assert.equal(await page.$('#offline-copy'), null, 'the site answered: no note');

    // The server stops; the browser stays online (navigator.onLine is true).
    await halt(proc);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const note = await (await page.waitForSelector('#offline-copy', { state: 'visible' })).textContent();
    assert.match(note, /^无法连接本页所在的网站：本页使用此前保存在本机的副本，照常计算。/, note);
    assert.ok(note.includes(`所用参数：${set.title}（${set.published} 发布）`), note);
    assert.equal(await page.$('#offline-note:not([hidden])'), null, 'online: no offline note');
    await typeIn(page, households.unstable);
    await assertFiguresMatch(page, engine, await exported(page));

    // A server on the same address that answers 503 to everything: the copy, and the status said.
    failing = createServer((_, res) => { res.writeHead(503); res.end(); });
    await new Promise((resolve) => failing.listen(port, '127.0.0.1', resolve));
    page.on('dialog', (d) => d.accept());
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const status = await (await page.waitForSelector('#offline-copy', { state: 'visible' })).textContent();
    assert.match(status, /^网站答复 503，未能提供本页：本页使用此前保存在本机的副本/, status);
    for (const u of tab.requests) assert.equal(new URL(u).hostname, '127.0.0.1', u);
    assert.deepEqual(tab.problems, []);
  } finally {
    await context.close();
    await halt(proc);
    failing?.close();
  }
});

test('served over plain http from another address, the page says it will not open offline', async () => {
  // A LAN address over http is no secure context: no service worker. zhenxing.test resolves to
  // 127.0.0.1 for this browser only, so that the request still stays on this machine.
  const { url, proc } = await serve(site);
  const lan = await launch([`--host-resolver-rules=MAP zhenxing.test 127.0.0.1`]);
  try {
    const page = await lan.newPage({ locale: 'zh-CN' });
    for (const path of ['', 'register.html', 'county.html']) {
      await page.goto(`http://zhenxing.test:${new URL(url).port}/${path}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.equal(await page.evaluate(() => window.isSecureContext), false);
      const note = await page.waitForSelector('#offline-unavailable', { state: 'visible' });
      const text = await note.textContent();
      assert.match(text, /断网后无法重新打开/, text);
      assert.match(text, /https/, text);
      assert.match(text, /localhost/, text);
    }
    await page.screenshot({ path: `${shots}/offline-unavailable.png` });
    // The connection drops while the page is open: it keeps computing, and the note claims no copy
    // (there is none), loading nothing to say which parameters it uses.
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.context().setOffline(true);
    const note = await page.waitForSelector('#offline-note:not([hidden])');
    const text = await note.textContent();
    assert.doesNotMatch(text, /保存在本机的副本/, text);
    assert.match(text, /^当前未连接网络：已打开的本页照常计算，但本机没有保存本页的副本，断网期间关闭或刷新后无法重新打开。/, text);
    assert.ok(text.includes(`所用参数：${set.title}（${set.published} 发布）`), text);
    await page.waitForTimeout(500);
    assert.deepEqual(errors, []);
  } finally {
    await lan.close();
    await halt(proc);
  }
});

test('a portal\'s edit to a page (sw.js unchanged) is shown on the next load; offline, the kept page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenxing-site-'));
  cpSync(site, dir, { recursive: true });
  const server = await serve(dir);
  const tab = await visit(server.url);
  try {
    await kept(tab.page);
    // The portal edits index.html on the server after `make site` (its precompressed copies go,
    // so the server sends the edited file).
    for (const ext of ['.gz', '.br']) rmSync(join(dir, `index.html${ext}`), { force: true });
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(index.includes('<title>振兴'));
    writeFileSync(join(dir, 'index.html'), index.replace('<title>振兴', '<title>门户修改 振兴'));
    for (const address of [server.url, `${server.url}index.html`]) {
      await tab.page.goto(address);
      await tab.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.match(await tab.page.title(), /^门户修改 振兴/, address);
    }
    // With no connection the kept copy still opens.
    await halt(server.proc);
    await tab.context.setOffline(true);
    await tab.page.reload();
    await tab.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.match(await tab.page.title(), /^振兴/);
  } finally {
    await tab.context.close();
    await halt(server.proc);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new build replaces the kept copy: the next load is the new site', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhenxing-site-'));
  cpSync(site, dir, { recursive: true });
  let server = await serve(dir);
  const port = new URL(server.url).port;
  const tab = await visit(server.url);
  try {
    const first = await kept(tab.page);
    // A new build: a page changed, and sw.js named after it (as scripts/site.mjs writes it). The
    // precompressed copies go, so the server sends the changed files themselves.
    await halt(server.proc);
    for (const f of ['index.html', 'sw.js']) for (const ext of ['.gz', '.br']) if (existsSync(join(dir, f + ext))) rmSync(join(dir, f + ext));
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), index.replace('<title>振兴', '<title>新版 振兴'));
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'sw.js'), sw.replace(/^const VERSION = '[0-9a-f]+';$/m, "const VERSION = '0123456789abcdef';"));
    server = await serve(dir, port);
    // The first load after the change may still be the kept copy; meanwhile the browser fetches
    // sw.js, installs the new one (keeping the new files) and deletes the old cache.
    await tab.page.reload();
    const replaced = await tab.page.evaluate(async () => {
      for (let i = 0; i < 150; i++) {
        const keys = await caches.keys();
        if (keys.join() === 'zhenxing-0123456789abcdef' && await (await caches.open(keys[0])).match('./')) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    });
    assert.ok(replaced, 'the new build kept and the old copy deleted within 30 s');
    await tab.page.reload();
    assert.match(await tab.page.title(), /^新版 振兴/);
    assert.notDeepEqual(first.keys, ['zhenxing-0123456789abcdef']);
  } finally {
    await tab.context.close();
    await halt(server.proc);
    rmSync(dir, { recursive: true, force: true });
  }
});
