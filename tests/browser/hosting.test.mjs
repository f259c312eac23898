// The site as a county portal hosts it: under a sub-path (/zwfw/zhenxing/), with the portal's own
// Content-Security-Policy header, on a server that may not give every file. Whatever the host gets
// wrong, the pages say so in Chinese, naming what the site's administrator must change, never a raw
// English error or a page left on 正在加载. Every request stays on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ensureSite, launch, shots, site } from './helpers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};
const BASE = '/zwfw/zhenxing/';

/**
 * The portal: dist/site under BASE, each answer with `host.csp` as its policy (when set); a path of
 * `host.missing` is 404; the folder's address (BASE) is 404 when `host.noIndex`; BASE without its
 * slash is answered with the index when `host.noSlash` (as some CMSs do).
 */
const host = { csp: '', missing: new Set(), noIndex: false, noSlash: false };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const headers = host.csp ? { 'content-security-policy': host.csp } : {};
  let file = null;
  if (path === BASE.slice(0, -1) && host.noSlash) file = 'index.html';
  else if (path === BASE && !host.noIndex) file = 'index.html';
  else if (path.startsWith(BASE) && path !== BASE) file = path.slice(BASE.length);
  const full = file && join(site, file);
  if (!full || host.missing.has(file) || !existsSync(full) || statSync(full).isDirectory()) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': TYPES[extname(full)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
    .end(readFileSync(full));
});
let origin;
let browser;

before(async () => {
  ensureSite();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server.close();
});

/** `host` as given for the time of `run`. */
async function hosted(settings, run) {
  Object.assign(host, { csp: '', missing: new Set(), noIndex: false, noSlash: false }, settings);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const problems = [];
  context.on('page', (p) => p.on('pageerror', (e) => problems.push(String(e))));
  try {
    await run(context, problems);
  } finally {
    await context.close();
  }
}

/** The visible text of `selector` once it holds `pattern`. */
async function textOnceMatching(page, selector, pattern) {
  await page.waitForFunction(([s, p]) => new RegExp(p).test(document.querySelector(s)?.textContent ?? ''),
    [selector, pattern.source], { timeout: 30000 });
  return page.textContent(selector);
}

test('a portal policy without \'wasm-unsafe-eval\': each page says the policy must allow it, in Chinese', async () => {
  await hosted({ csp: "default-src 'self'; script-src 'self'" }, async (context, problems) => {
    const page = await context.newPage();
    for (const [path, where] of [['', '#status'], ['county.html', '#error'], ['register.html', '#error']]) {
      await page.goto(`${origin}${BASE}${path}`);
      const text = await textOnceMatching(page, where, /Content-Security-Policy/);
      assert.match(text, /'wasm-unsafe-eval'/, `${path}: ${text}`);
      assert.match(text, /'unsafe-eval'/, `${path}: ${text}`);
      assert.doesNotMatch(text, /disallowed by embedder|请刷新页面/, `${path}: ${text}`);
      if (path === 'register.html') {
        assert.equal(await page.textContent('#status'), '计算模块未能加载，无法测算。');
        // Choosing a file does not blame the file.
        await page.setInputFiles('#file', { name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from('户编号\n1\n') });
        await page.waitForTimeout(500);
        assert.equal(await page.textContent('#status'), '计算模块未能加载，无法测算。');
      }
      if (path === 'county.html') assert.equal(await page.textContent('#status'), '计算引擎未能加载，见下方说明。');
      await page.screenshot({ path: `${shots}/hosting-csp-${path || 'index'}.png` });
    }
    // The package's own error for a portal's page: PolicyError WASM_BLOCKED.
    const code = await page.evaluate(async () => {
      const { default: init } = await import('./pkg/index.js');
      return init({ module_or_path: new URL('pkg/zhenxing_bg.wasm', location.href) }).then(() => 'loaded', (e) => `${e.name} ${e.code}`);
    });
    assert.equal(code, 'PolicyError WASM_BLOCKED');
    assert.deepEqual(problems, []);
  });
});

test('a .wasm the server does not give: the page names the file and the status, for the administrator', async () => {
  await hosted({ missing: new Set(['pkg/household/household_bg.wasm', 'pkg/zhenxing_bg.wasm']) }, async (context, problems) => {
    const page = await context.newPage();
    for (const [path, where, file] of [['', '#status', 'household_bg.wasm'], ['county.html', '#error', 'zhenxing_bg.wasm'], ['register.html', '#error', 'zhenxing_bg.wasm']]) {
      await page.goto(`${origin}${BASE}${path}`);
      const text = await textOnceMatching(page, where, /无法取得计算模块文件/);
      assert.ok(text.includes(`${origin}${BASE}pkg/`) && text.includes(file), `${path}: ${text}`);
      assert.match(text, /服务器答复 404/, `${path}: ${text}`);
      assert.match(text, /网站管理员/, `${path}: ${text}`);
      assert.doesNotMatch(text, /failed to fetch|module_or_path|请刷新页面/, `${path}: ${text}`);
    }
    assert.deepEqual(problems, []);
  });
});

test('a host that does not give the folder\'s address: the page says the offline copy was not saved, and keeps none', async () => {
  await hosted({ noIndex: true }, async (context, problems) => {
    const page = await context.newPage();
    await page.goto(`${origin}${BASE}index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const text = await textOnceMatching(page, '#offline-failed', /\.\/（404）/);
    assert.match(text, /^离线副本未能保存：网站的 \.\/（404） 无法取得，断网后无法重新打开本页。/, text);
    // The partial cache the install made is gone.
    const left = await page.evaluate(async () => {
      for (let i = 0; i < 50 && (await caches.keys()).length > 0; i++) await new Promise((r) => setTimeout(r, 200));
      return caches.keys();
    });
    assert.deepEqual(left, []);
    assert.deepEqual(problems, []);
  });
});

test('the address without its final “/”, answered with the page: a notice says to add it', async () => {
  await hosted({ noSlash: true }, async (context) => {
    const page = await context.newPage();
    await page.goto(`${origin}${BASE.slice(0, -1)}`);
    // Every relative file 404s, the style sheet and support.js too: the page's own notice shows.
    const notice = await page.waitForSelector('.files-missing', { state: 'visible', timeout: 10000 });
    assert.match(await notice.textContent(), /^本页的文件未能加载，计算器无法运行。如地址栏中的地址不以“\/”结尾/);
    await page.screenshot({ path: `${shots}/hosting-no-slash.png` });
  });
  // Served right, the notice is hidden.
  await hosted({}, async (context) => {
    const page = await context.newPage();
    await page.goto(`${origin}${BASE}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.equal(await page.isVisible('.files-missing'), false);
  });
});

test('a page script the server does not give: support.js says the page\'s files could not be loaded', async () => {
  await hosted({ missing: new Set(['app.js']) }, async (context) => {
    const page = await context.newPage();
    await page.goto(`${origin}${BASE}`);
    const text = await textOnceMatching(page, 'section.unsupported', /本页的文件未能加载/);
    assert.ok(text.includes(`本页的文件未能加载（${origin}${BASE}app.js）。请刷新页面`), text);
    assert.doesNotMatch(text, /本浏览器无法运行/, text);
  });
});
