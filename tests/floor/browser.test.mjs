// The browser floor in a browser (docs/browsers.md): the plain-html example and the staff page in a
// Chromium 89 (the npm package chrome-aws-lambda's, unpacked by scripts/setup.sh: the 360 and 信创
// browsers' cores are 86 to 108) and in today's Chromium (Debian's), computing the same figures as the
// Node package; below the floor, the PolicyError UNSUPPORTED_BROWSER and the pages' notice in Chinese.
// playwright-core drives both. Its actionability checks (fill, click, waitForSelector) call DOM
// methods Chromium 89 lacks, so the pages are driven the same way in both browsers through
// page.evaluate: the household goes in through the page's own JSON import. Screenshots in
// test-output/floor/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { WASM_FEATURES } from '../../js/support.js';
import { executable, installed, libraries, VERSION } from '../../scripts/floor-chromium.mjs';
import { asOf, assertFiguresMatch, at, households, serveSite, stop } from '../browser/helpers.mjs';
import { chromiumArgs, cleanup, prepare, repo, serve } from '../package/lib.mjs';

const shots = join(repo, 'test-output', 'floor');
mkdirSync(shots, { recursive: true });
const engine = new PolicyEngine();
/** Both browsers, by name: the floor's and today's. */
const browsers = {};
let site;

before(async () => {
  assert.ok(installed(), `chromium ${VERSION} is not unpacked at ${executable}: run scripts/setup.sh`);
  browsers[`chromium ${VERSION}`] = await chromium.launch({
    executablePath: executable,
    // Its own libraries. Not `--single-process`, which chrome-aws-lambda passes on serverless hosts:
    // there, Chromium 89 crashes when a second browser context opens a page.
    args: [...chromiumArgs, '--no-zygote', '--disable-dev-shm-usage'],
    env: { ...process.env, LD_LIBRARY_PATH: libraries },
  });
  browsers['chromium (Debian)'] = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  site = await serveSite();
});

after(async () => {
  for (const b of Object.values(browsers)) await b.close();
  await stop(site?.proc);
});

// Chromium before 97 does not know 'wasm-unsafe-eval' and says so; the 'unsafe-eval' beside it is what
// lets it compile the module (docs/browsers.md). Chromium 89 also calls ::-webkit-details-marker
// deprecated: the style sheet keeps it for Safari 15, which needs it to hide a folded card's marker.
const EXPECTED_CONSOLE = /contains an invalid source: ''wasm-unsafe-eval''|::-webkit-details-marker pseudo element selector is deprecated/;

/** A fresh context on `url`, once body[data-ready] is set; what it requested and every problem. */
async function open(browser, url, { init, route } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  if (init) await context.addInitScript(init);
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type()) && !EXPECTED_CONSOLE.test(m.text())) problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body && document.body.dataset.ready, null, { timeout: 60_000 });
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/(\d+)/)[1]);
  return { context, page, requests, problems, version: Number(version) };
}

const onlyLocal = (requests) => requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(u));

test('the floor browser is Chromium 89, today\'s is at least 114', async () => {
  const versions = {};
  for (const [name, browser] of Object.entries(browsers)) {
    const page = await browser.newPage();
    versions[name] = await page.evaluate(() => Number(navigator.userAgent.match(/Chrome\/(\d+)/)[1]));
    await page.close();
  }
  assert.equal(versions[`chromium ${VERSION}`], 89);
  assert.ok(versions['chromium (Debian)'] >= 114, `Debian's chromium is ${versions['chromium (Debian)']}`);
});

test('examples/plain-html computes in Chromium 89 and in today\'s Chromium, the Node package\'s figures in both', async () => {
  const dir = prepare(join(repo, 'examples', 'plain-html'), 'plain-html-floor');
  const server = await serve(dir);
  try {
    const { household, asOf: date } = await import(join(dir, 'household.js'));
    const estimate = engine.estimate(household, date);
    const want = { ready: 'true', monthly: estimate.totalMonthly, annual: estimate.totalAnnual, programs: estimate.programs.filter((p) => p.eligible).map((p) => p.program) };
    for (const [name, browser] of Object.entries(browsers)) {
      const tab = await open(browser, server.url);
      const shown = await tab.page.evaluate(() => ({
        ready: document.body.dataset.ready,
        monthly: document.querySelector('#monthly').textContent,
        annual: document.querySelector('#annual').textContent,
        programs: Array.from(document.querySelectorAll('#programs li')).map((li) => li.dataset.program),
        error: document.querySelector('#error').textContent,
      }));
      await tab.page.screenshot({ path: join(shots, `plain-html-chromium-${tab.version}.png`) });
      await tab.context.close();
      const { error, ...figures } = shown;
      assert.deepEqual(figures, want, `${name}: ${error}`);
      assert.deepEqual(tab.problems, [], name);
      assert.deepEqual(onlyLocal(tab.requests), [], name);
    }
  } finally {
    await server.close();
    cleanup(dir);
  }
});

/** Puts household `h` in through the page's JSON import on `date`; the household as the page exports it. */
async function importHousehold(page, h, date) {
  return JSON.parse(await page.evaluate(([json, day]) => {
    const asOfField = document.getElementById('as-of');
    asOfField.value = day;
    asOfField.dispatchEvent(new Event('change', { bubbles: true }));
    document.getElementById('io').open = true;
    document.getElementById('household-json').value = json;
    document.getElementById('import').click();
    document.getElementById('export').click();
    return document.getElementById('household-json').value;
  }, [JSON.stringify(h), date]));
}

test('the staff page computes in Chromium 89 as in today\'s Chromium: the same figures, the package\'s', async () => {
  const figures = {};
  const firstEstimate = {};
  for (const [name, browser] of Object.entries(browsers)) {
    const tab = await open(browser, site.url);
    const { page } = tab;
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true', `${name}: the page did not start`);
    firstEstimate[name] = await page.evaluate(() => Math.round(performance.getEntriesByName('zx-first-estimate')[0]?.startTime ?? -1));
    figures[name] = {};
    for (const key of ['unstable', 'sudden', 'six']) {
      const h = await importHousehold(page, households[key], asOf);
      assert.equal(h.region, households[key].region, `${name}: ${key} was not imported`);
      const estimate = await assertFiguresMatch(page, engine, h, asOf);
      figures[name][key] = await page.$$eval('#results [data-key]', (els) => els.map((e) => [e.dataset.key, e.firstChild.textContent.trim()]));
      assert.ok(figures[name][key].some(([k, v]) => k === 'totalAnnual' && v === at(estimate, 'totalAnnual')), `${name}: ${key} shows no annual total`);
    }
    await page.screenshot({ path: join(shots, `staff-page-chromium-${tab.version}.png`), fullPage: true });
    assert.deepEqual(tab.problems, [], name);
    assert.deepEqual(onlyLocal(tab.requests), [], name);
    await tab.context.close();
  }
  const [floor, today] = Object.values(figures);
  assert.deepEqual(floor, today, 'Chromium 89 and today\'s Chromium show different figures');
  const figure = { metric: 'navigation start → first estimate shown, one cold load each (a figure, not a limit)', ms: firstEstimate, date: new Date().toISOString() };
  writeFileSync(join(shots, 'first-estimate.json'), `${JSON.stringify(figure, null, 2)}\n`);
  console.log(`# first estimate: ${Object.entries(firstEstimate).map(([n, ms]) => `${n} ${ms} ms`).join(', ')}`);
});

test('the county page computes in Chromium 89 as in today\'s Chromium: 延寿县\'s profile, the package\'s', async () => {
  const profile = engine.county('230129', asOf);
  for (const [name, browser] of Object.entries(browsers)) {
    const tab = await open(browser, `${site.url}county.html`);
    const shown = await tab.page.evaluate(([region, day]) => {
      document.getElementById('region').value = region;
      const date = document.getElementById('as-of');
      date.value = day;
      date.dispatchEvent(new Event('change'));
      return {
        ready: document.body.dataset.ready,
        measures: Array.from(document.querySelectorAll('#profile ul.measures li')).map((li) => li.dataset.measure),
        pilot: document.querySelector('[data-fact=涉农资金统筹整合试点]')?.textContent,
      };
    }, ['230129', asOf]);
    assert.deepEqual(tab.problems, [], name);
    await tab.context.close();
    assert.deepEqual(shown, { ready: 'true', measures: profile.measures.map((m) => m.id), pilot: '适用' }, name);
  }
});

test('the register page screens a register in its module worker in Chromium 89 as in today\'s Chromium', async () => {
  const shown = {};
  for (const [name, browser] of Object.entries(browsers)) {
    const tab = await open(browser, `${site.url}register.html`);
    const { page } = tab;
    await page.evaluate((day) => { document.getElementById('as-of').value = day; }, asOf);
    await page.setInputFiles('#file', join(repo, 'tests/registers/spreadsheet/register-utf8.csv'));
    await page.waitForFunction(() => !document.getElementById('columns-card').hidden, null, { timeout: 60_000 });
    await page.evaluate(() => document.getElementById('start').click());
    await page.waitForFunction(() => document.body.dataset.results === 'true', null, { timeout: 60_000 });
    shown[name] = await page.evaluate(() => ({
      counts: document.getElementById('counts').textContent,
      summary: Array.from(document.querySelectorAll('#summary-table tr')).map((tr) => tr.textContent),
    }));
    await page.screenshot({ path: join(shots, `register-page-chromium-${tab.version}.png`) });
    assert.deepEqual(tab.problems, [], name);
    assert.deepEqual(onlyLocal(tab.requests), [], name);
    await tab.context.close();
  }
  const [floor, today] = Object.values(shown);
  assert.match(floor.counts, /^共 \d+ 户：成功 \d+ 户，有误 \d+ 户$/);
  assert.ok(floor.summary.length > 1, 'no summary');
  assert.deepEqual(floor, today);
});

// ---- below the floor -------------------------------------------------------------------------------
/** An init script that makes WebAssembly.validate refuse the probe of `feature`, as a browser without it. */
function refuse(feature) {
  const probe = WASM_FEATURES.find((f) => f.feature === feature).module.join();
  return `(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = function (b) {
      const u = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      return Array.from(u).join() !== ${JSON.stringify(probe)} && validate.call(WebAssembly, b);
    };
  })();`;
}
const NO_WEBASSEMBLY = 'delete window.WebAssembly;';

/** What a page shows when it cannot run: the notice, whether the form is hidden. */
async function notice(page) {
  return page.evaluate(() => ({
    ready: document.body.dataset.ready,
    text: document.querySelector('.unsupported')?.textContent ?? '',
    role: document.querySelector('.unsupported')?.getAttribute('role'),
    mainHidden: Array.from(document.querySelectorAll('main')).every((m) => m.hidden),
  }));
}

test('below the floor the pages say so in Chinese and name the browsers that can run them, never a blank page', async () => {
  for (const [name, browser] of Object.entries(browsers)) {
    for (const [label, path, init, missing] of [
      ['staff page, no sign extension', '', refuse('sign-ext'), '符号扩展指令（sign-ext）'],
      ['staff page, no WebAssembly', '', NO_WEBASSEMBLY, 'WebAssembly'],
      ['county page, no non-trapping float-to-int', 'county.html', refuse('nontrapping-fptoint'), '不陷入的浮点转整数指令'],
    ]) {
      const tab = await open(browser, `${site.url}${path}`, { init });
      const shown = await notice(tab.page);
      await tab.page.screenshot({ path: join(shots, `unsupported-${path ? 'county' : 'staff'}-${label.split(', ')[1].replace(/\W+/g, '-')}-chromium-${tab.version}.png`) });
      await tab.context.close();
      assert.equal(shown.ready, 'unsupported', `${name}, ${label}`);
      assert.equal(shown.role, 'alert');
      assert.ok(shown.mainHidden, `${name}, ${label}: the form is still shown`);
      assert.match(shown.text, /本浏览器无法运行本计算器/);
      assert.ok(shown.text.includes(missing), `${name}, ${label}: ${shown.text}`);
      assert.match(shown.text, /Chromium 内核浏览器 86 及以上.*360 安全浏览器 13 及以上.*Firefox 78 ESR.*Safari 15/);
      assert.deepEqual(tab.problems, [], `${name}, ${label}`);
    }
  }
});

test('a page script newer than the browser (Chromium 89 cannot parse a static block in a script the page imports): the notice, not a blank page', async () => {
  const tab = await open(browsers[`chromium ${VERSION}`], site.url, {
    route: { url: '**/chunk-*.js', handler: (r) => r.fulfill({ contentType: 'text/javascript', body: 'export class Later { static { this.x = 1; } }\n' }) },
  });
  const shown = await notice(tab.page);
  await tab.context.close();
  assert.equal(shown.ready, 'unsupported');
  assert.match(shown.text, /原因：浏览器版本过旧，无法解析本页的脚本/);
});

test('a page that computes in a module worker (data-needs="module-worker") tells a browser without them', async () => {
  // As a page of the site, under its policy; its script marks the page ready unless support.js did.
  const dir = mkdtempSync(join(tmpdir(), 'zhenxing-worker-page-'));
  for (const f of ['support.js', 'favicon.svg']) copyFileSync(join(repo, 'www', f), join(dir, f));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-CN" data-needs="module-worker"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><link rel="icon" href="favicon.svg">
<script src="support.js"></script><script type="module" src="main.js"></script></head><body><header><h1>页</h1></header><main><p>表单</p></main></body></html>\n`);
  writeFileSync(join(dir, 'main.js'), "window.addEventListener('load', () => { if (!document.body.dataset.ready) document.body.dataset.ready = 'true'; });\n");
  const server = await serve(dir);
  // Firefox before 114 reads no `type` from a worker's options: a constructor that reads none.
  const noModuleWorkers = 'window.Worker = function Worker(url) { throw new TypeError(`no module workers: ${url}`); };';
  try {
    for (const [name, browser] of Object.entries(browsers)) {
      const real = await open(browser, server.url);
      const shownReal = await notice(real.page);
      assert.deepEqual(real.problems, [], name);
      await real.context.close();
      assert.equal(shownReal.ready, 'true', `${name}: ${shownReal.text}`);
      const old = await open(browser, server.url, { init: noModuleWorkers });
      const shownOld = await notice(old.page);
      await old.context.close();
      assert.equal(shownOld.ready, 'unsupported', name);
      assert.match(shownOld.text, /模块 Web Worker.*Firefox 114 及以上/, name);
      assert.ok(shownOld.mainHidden, name);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the package below the floor: plain-html shows PolicyError UNSUPPORTED_BROWSER; the inline entry on Chromium 89\'s main thread too', async () => {
  const dir = prepare(join(repo, 'examples', 'plain-html'), 'plain-html-below');
  const server = await serve(dir);
  try {
    for (const [name, browser] of Object.entries(browsers)) {
      const tab = await open(browser, server.url, { init: refuse('sign-ext') });
      const error = await tab.page.evaluate(() => [document.body.dataset.ready, document.querySelector('#error').textContent]);
      await tab.context.close();
      assert.equal(error[0], 'error', name);
      assert.match(error[1], /^UNSUPPORTED_BROWSER : 本浏览器不能运行本计算模块：缺少 WebAssembly 符号扩展指令（sign-ext）。可用的浏览器：/, name);
    }
  } finally {
    await server.close();
    cleanup(dir);
  }
  // `import 'zhenxing'` in a page (what bundlers resolve): compiled synchronously on import, which
  // Chromium allows on a page's main thread only from 114 on.
  const page = mkdtempSync(join(tmpdir(), 'zhenxing-inline-'));
  symlinkSync(join(repo, 'dist', 'zhenxing'), join(page, 'zhenxing'));
  writeFileSync(join(page, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="main.js"></script>\n');
  writeFileSync(join(page, 'main.js'), `import('./zhenxing/inline/index.js').then(
  ({ PolicyEngine }) => { document.body.dataset.total = new PolicyEngine().estimate(${JSON.stringify(households.unstable)}, '${asOf}').totalAnnual; },
  (e) => { document.body.dataset.code = e.code; document.body.dataset.message = e.message; },
).then(() => { document.body.dataset.ready = 'true'; });\n`);
  const inline = await serve(page);
  try {
    for (const [name, browser] of Object.entries(browsers)) {
      const tab = await open(browser, inline.url);
      const shown = await tab.page.evaluate(() => ({ ...document.body.dataset }));
      await tab.context.close();
      if (tab.version < 114) {
        assert.equal(shown.code, 'UNSUPPORTED_BROWSER', `${name}: ${JSON.stringify(shown)}`);
        assert.match(shown.message, /Chromium 114 以前.*请在页面中改用 zhenxing\/web 并 await init\(\)，或在 Web Worker 中使用/);
      } else {
        assert.equal(shown.total, engine.estimate(households.unstable, asOf).totalAnnual, `${name}: ${JSON.stringify(shown)}`);
      }
    }
  } finally {
    await inline.close();
    rmSync(page, { recursive: true, force: true });
  }
});

test('a portal\'s policy with \'wasm-unsafe-eval\' alone: Chromium 89 cannot compile, and the staff page says what to add', async () => {
  // The header a portal sends beside the page's own <meta> policy: both apply. Chromium 89 knows
  // 'unsafe-eval' only; today's Chromium computes under it (it knows 'wasm-unsafe-eval').
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
  const route = {
    url: `${site.url}**`,
    handler: async (r) => {
      const response = await r.fetch();
      await r.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    },
  };
  const context = await browsers[`chromium ${VERSION}`].newContext({ locale: 'zh-CN' });
  await context.route(route.url, route.handler);
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => /Content-Security-Policy/.test(document.getElementById('status').textContent), null, { timeout: 60_000 });
  const status = await page.evaluate(() => document.getElementById('status').textContent);
  assert.match(status, /^出错：本网站的内容安全策略（Content-Security-Policy）不允许编译 WebAssembly/, status);
  assert.ok(status.includes("'unsafe-eval'") && !/disallowed by embedder|请刷新页面/.test(status), status);
  await page.screenshot({ path: join(shots, 'staff-page-csp-chromium-89.png') });
  // Requests still in flight when a context closes (the page's last files; once the page is
  // ready, the service worker keeping the site) would have their fulfil fail: stop routing first.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
  const today = await open(browsers['chromium (Debian)'], site.url, { route });
  assert.equal(await today.page.evaluate(() => document.body.dataset.ready), 'true');
  await today.context.unrouteAll({ behavior: 'ignoreErrors' });
  await today.context.close();
});
