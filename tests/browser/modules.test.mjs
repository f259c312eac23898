// The staff page's two modules: the first estimate and its income curve come from the household
// module (pkg/household/household_bg.wasm) alone; the full module (pkg/zhenxing_bg.wasm) is fetched
// when a what-if is first asked for, which says 正在加载… while it loads and says so when it cannot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { launch, serveSite, stop } from './helpers.mjs';

const engine = new PolicyEngine();
let server, browser;

before(async () => {
  server = await serveSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stop(server?.proc);
});

/** A cold visit (a context of its own: no cache, no service worker) to the staff page. */
async function visit(prepare = async () => {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await prepare(page);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForSelector('#result-body:not([hidden])');
  return { context, page };
}

/** The files of pkg/ the page fetched, each with when it started, beside the first estimate's mark; the scripts it fetched. */
const fetched = (page) => page.evaluate(() => ({
  estimate: performance.getEntriesByName('zx-first-estimate')[0]?.startTime,
  pkg: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
    .filter((e) => e.path.startsWith('/pkg/')),
  scripts: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
}));
/** The full module: the site joins its entry, API and glue into a script of the page's own (scripts/site.mjs). */
const FULL = ['/pkg/zhenxing_bg.wasm'];

test('the first estimate and its curve fetch only the household module; a what-if fetches the full one', async () => {
  const { context, page } = await visit();
  try {
    await page.waitForSelector('#chart:not([data-pending])');
    assert.equal(await page.isHidden('#chart-card'), false, 'the curve is drawn with the household module');
    const { estimate, pkg } = await fetched(page);
    assert.ok(estimate > 0, 'the page marks its first estimate');
    const paths = pkg.map((f) => f.path);
    const wasm = (list) => list.filter((p) => p.endsWith('.wasm'));
    assert.deepEqual(wasm(paths), ['/pkg/household/household_bg.wasm'], `fetched for the estimate and its curve: ${paths}`);
    for (const file of FULL) assert.ok(!paths.includes(file), `${file} fetched before any what-if`);
    const scripts = (await fetched(page)).scripts;
    await page.fill('#what-if-form [name="dibao.standard.rural"]', '471');
    await page.click('#what-if-apply');
    await page.waitForSelector('#what-if-table:not([hidden])');
    const afterwards = (await fetched(page)).pkg.map((f) => f.path);
    assert.deepEqual(wasm(afterwards), ['/pkg/household/household_bg.wasm', '/pkg/zhenxing_bg.wasm'], 'the full module once, for the what-if');
    for (const file of FULL) assert.ok(afterwards.includes(file), `${file} fetched for the what-if`);
    // The full module's glue, a script of its own (the site joins the page's scripts, not it).
    assert.ok((await fetched(page)).scripts.some((f) => !scripts.includes(f)), 'a script fetched for the what-if');
  } finally {
    await context.close();
  }
});

test('before the first estimate the page asks for its style sheet, scripts and module at once, and nothing else', async () => {
  // On a slow line every request costs a round trip (562.5 ms on DevTools' "Slow 4G") and every
  // other byte shares the line with the module. A classic script that blocked the parser held the
  // module preloads until it had arrived (app.js was asked for after support.js came, a round trip
  // late); the quoted policy text and offline.js were fetched while the module downloaded.
  const { context, page } = await visit();
  try {
    await page.waitForFunction(() => ['/policy-text.json', '/offline.js'].every((p) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === p)));
    const { estimate, files, preloads } = await page.evaluate(() => ({
      estimate: performance.getEntriesByName('zx-first-estimate')[0].startTime,
      files: performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
      preloads: [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload], link[rel=stylesheet]')].map((l) => new URL(/** @type {HTMLLinkElement} */ (l).href).pathname),
    }));
    const at = (path) => files.find((f) => f.path === path) ?? assert.fail(`${path} not fetched: ${files.map((f) => f.path)}`);
    const wave = ['/support.js', ...preloads];
    for (const p of ['/style.css', '/pkg/household/household_bg.wasm', '/app.js']) {
      assert.ok(wave.includes(p), `${p} is not among the page's preloads: ${wave}`);
      assert.ok(at(p).start < at('/support.js').end, `${p} asked for at ${at(p).start.toFixed(0)} ms, after support.js arrived (${at('/support.js').end.toFixed(0)} ms)`);
    }
    // The favicon is the browser's own request.
    const before = files.filter((f) => f.start < estimate && f.path !== '/favicon.svg').map((f) => f.path);
    assert.deepEqual(before.filter((p) => !wave.includes(p)), [], 'fetched before the first estimate beside the first wave');
    for (const p of ['/policy-text.json', '/offline.js']) assert.ok(at(p).start > estimate, `${p} fetched after the first estimate`);
  } finally {
    await context.close();
  }
});

test('a what-if while the full module loads says 正在加载…, then compares; a failed load is said, and tried again', async () => {
  /** @type {(() => void)[]} */
  const held = [];
  let refuse = true;
  const { context, page } = await visit((p) => p.route('**/pkg/zhenxing_bg.wasm', (route) => {
    if (refuse) {
      refuse = false;
      return route.abort('internetdisconnected');
    }
    held.push(() => route.continue());
  }));
  try {
    // The first what-if's load fails: said in its error line; the curve and the estimate stand.
    await page.waitForSelector('#chart:not([data-pending])');
    await page.fill('#what-if-form [name="dibao.standard.rural"]', '471');
    await page.click('#what-if-apply');
    await page.waitForSelector('#what-if-error:not([hidden])');
    assert.equal(await page.isHidden('#chart-card'), false);
    // Asked again, it is tried again.
    await page.click('#what-if-apply');
    await page.waitForSelector('#what-if-loading:not([hidden])');
    assert.equal(await page.textContent('#what-if-loading'), '正在加载…');
    while (held.length === 0) await new Promise((r) => setTimeout(r, 20));
    held.shift()();
    await page.waitForSelector('#what-if-table:not([hidden])');
    assert.equal(await page.isHidden('#what-if-loading'), true);
    assert.equal(await page.isHidden('#what-if-error'), true);
    const h = JSON.parse(await page.evaluate(() => {
      document.getElementById('export').click();
      return /** @type {HTMLTextAreaElement} */ (document.getElementById('household-json')).value;
    }));
    const asOf = await page.inputValue('#as-of');
    const c = engine.compare(h, asOf, engine.withOverrides({ 'dibao.standard.rural': '471' }));
    assert.equal(await page.textContent('#what-if-total'), c.totalDifference);
  } finally {
    await context.close();
  }
});

test('a what-if whose module cannot load says so in its error line', async () => {
  const { context, page } = await visit((p) => p.route('**/pkg/zhenxing_bg.wasm', (route) => route.abort('internetdisconnected')));
  try {
    await page.fill('#what-if-form [name="dibao.standard.rural"]', '471');
    await page.click('#what-if-apply');
    await page.waitForSelector('#what-if-error:not([hidden])');
    assert.equal(await page.textContent('#what-if-error'), '比较功能所需的计算模块未能加载，请检查网络后再试。');
    assert.equal(await page.isHidden('#what-if-table'), true);
    assert.equal(await page.isHidden('#what-if-loading'), true);
    // The household's own figures stand.
    assert.equal(await page.isHidden('#result-body'), false);
  } finally {
    await context.close();
  }
});

test('each entry given the other\'s .wasm rejects with PolicyError WRONG_MODULE; a .wasm served as another type than application/wasm loads, with a warning', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // ?type=octet: the household module as a server that does not know .wasm sends it.
  await page.route((url) => url.searchParams.get('type') === 'octet', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => !/^content-(type|encoding|length)$/.test(k)));
    await route.fulfill({ status: 200, body: await response.body(), headers: { ...headers, 'content-type': 'application/octet-stream' } });
  });
  const h = {
    region: '230129', status: 'alleviated',
    members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
    income: { business: '6000' },
  };
  try {
    // A page of the site that has not loaded the package (the policy text).
    await page.goto(`${server.url}policy-text.json`);
    const shown = await page.evaluate(async (h) => {
      const web = await import('./pkg/index.js');
      const household = await import('./pkg/household/index.js');
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [name, entry, other] of [['web', web, './pkg/household/household_bg.wasm'], ['household', household, './pkg/zhenxing_bg.wasm']]) {
        try {
          await entry.default({ module_or_path: new URL(other, location.href) });
          out[name] = 'loaded';
        } catch (e) {
          out[name] = { policyError: e instanceof web.PolicyError, code: e.code, path: e.path, message: e.message, cause: e.cause?.name };
        }
      }
      const before = performance.getEntriesByType('resource').length;
      await household.default({ module_or_path: new URL('./pkg/household/household_bg.wasm?type=octet', location.href) });
      const engine = new household.PolicyEngine();
      out.estimate = engine.estimate(h, '2023-06-01');
      engine.free();
      out.fetched = performance.getEntriesByType('resource').slice(before).map((e) => new URL(e.name).pathname + new URL(e.name).search);
      return out;
    }, h);
    assert.deepEqual(shown.web, {
      policyError: true, code: 'WRONG_MODULE', path: 'module_or_path', cause: undefined,
      message: '这是 zhenxing/web 的入口，需要 web/zhenxing_bg.wasm；所给的是 zhenxing/household 的模块（家庭测算模块 household/household_bg.wasm）：请改给 web/zhenxing_bg.wasm，或改用 zhenxing/household',
    });
    assert.deepEqual(shown.household, {
      policyError: true, code: 'WRONG_MODULE', path: 'module_or_path', cause: 'LinkError',
      message: '这是 zhenxing/household 的入口，需要 household/household_bg.wasm；所给的是 zhenxing/web 的模块（完整模块 web/zhenxing_bg.wasm）：请改给 household/household_bg.wasm，或改用 zhenxing/web',
    });
    // Served as application/octet-stream: no streaming compilation, the whole file then compiled,
    // a warning; the figures are the same.
    assert.deepEqual(shown.fetched, ['/pkg/household/household_bg.wasm?type=octet']);
    assert.deepEqual(shown.estimate, engine.estimate(h, '2023-06-01'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^`WebAssembly\.compileStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. Falling back to `WebAssembly\.compile` which is slower\. Original error:/);
  } finally {
    await context.close();
  }
});
