// Browser layer: the staff page in Debian's chromium (playwright-core), served on 127.0.0.1 under a
// strict Content-Security-Policy. Households are typed in through the form; every figure the page
// shows must equal what the package returns for the household the page exports. No request may leave
// 127.0.0.1. Screenshots go to test-output/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { chromium } from 'playwright-core';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';

const root = new URL('../..', import.meta.url).pathname;
const shots = `${root}test-output/browser`;
const engine = new PolicyEngine();
const asOf = '2023-06-01';
let server, browser, page;
const requests = [];
const problems = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = spawn(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(server.stdout, 'data');
  const baseUrl = String(line).match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: 'zh-CN' });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(baseUrl);
  assert.match(response.headers()['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.click('details.io > summary'); // open the import/export panel, as staff would
});

after(async () => {
  await browser?.close();
  server?.kill();
});

/** Type a household into the form as a member of staff would. */
async function typeIn(h) {
  await page.click('#new-household');
  await page.fill('#as-of', asOf);
  await page.selectOption('#region', h.region);
  await page.selectOption('[name=status]', h.status ?? 'general');
  await page.selectOption('[name=area]', h.area ?? 'rural');
  await page.$$eval('#members tr.member', (rows) => rows.forEach((r) => r.remove()));
  for (const [i, m] of h.members.entries()) {
    await page.click('#add-member');
    const row = `#members tr.member:nth-child(${i + 1})`;
    if (m.id) await page.fill(`${row} [name=id]`, m.id);
    await page.fill(`${row} [name=birthDate]`, m.birthDate);
    if (m.disabilityGrade) await page.selectOption(`${row} [name=disabilityGrade]`, String(m.disabilityGrade));
    if (m.seriousIllness) await page.check(`${row} [name=seriousIllness]`);
    if (m.wages) await page.fill(`${row} [name=wages]`, m.wages);
    if (m.schooling) await page.selectOption(`${row} [name=schooling]`, m.schooling);
    if (m.boarding) await page.check(`${row} [name=boarding]`);
  }
  for (const [k, v] of Object.entries(h.income ?? {})) await page.fill(`[name="income.${k}"]`, v);
  if (h.rigidSpending) await page.fill('[name=rigidSpending]', h.rigidSpending);
  for (const e of h.events ?? []) await page.check(`[name="events.${e}"]`);
}

/** The household as the page exports it. */
async function exported() {
  await page.click('#export');
  return JSON.parse(await page.inputValue('#household-json'));
}

/** Follow a path like programs[0].supplements[1].monthly. */
function at(obj, path) {
  return path.split(/\.|(?=\[)/).reduce((o, part) => {
    const idx = /^\[(\d+)\]$/.exec(part);
    return o?.[idx ? Number(idx[1]) : part];
  }, obj);
}

/** Every amount on the page equals the package's estimate of the same household. */
async function assertFiguresMatch(h) {
  const est = engine.estimate(h, asOf);
  const shown = await page.$$eval('#results [data-key]', (els) => els.map((e) => [e.dataset.key, e.firstChild.textContent.trim()]));
  assert.ok(shown.length >= 10, `only ${shown.length} figures shown`);
  for (const [key, text] of shown) {
    if (key === 'totalDifference' || /^programs\[\d+\]\.(baseline|alternative|difference)$/.test(key) && !at(est, key)) continue;
    assert.equal(text, at(est, key), `${key} shown as ${text}`);
  }
  // Figures resting on non-official parameters are marked.
  const marked = await page.$$eval('#results .unofficial-figure', (els) => els.length);
  assert.equal(marked > 0, est.unofficial.length > 0);
  return est;
}

const households = {
  unstable: {
    region: '230129', status: 'alleviated',
    members: [{ id: '父亲', birthDate: '1983-01-01', wages: '8000' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
    income: { business: '2000' },
  },
  sudden: {
    region: '230129',
    members: [{ id: '户主', birthDate: '1973-01-01' }, { id: '妻子', birthDate: '1975-01-01', seriousIllness: true },
      { id: '儿子', birthDate: '2003-01-01', disabilityGrade: 1 }],
    income: { business: '18000' }, rigidSpending: '40000', events: ['illness'],
  },
  marginal: {
    region: '230221',
    members: [{ id: '老伴甲', birthDate: '1950-01-01' }, { id: '老伴乙', birthDate: '1952-01-01' }],
    income: { transfer: '9000' },
  },
};

test('a 脱贫不稳定户 on 低保 with a pupil: every figure equals the package', async () => {
  await typeIn(households.unstable);
  const h = await exported();
  assert.deepEqual(h.members.map((m) => m.id), ['父亲', '孩子']);
  assert.equal(h.status, 'alleviated');
  const est = await assertFiguresMatch(h);
  // Total income 8000 + 2000 = 10000 ÷ 2 = 5000 < 6000: alleviated → unstable.
  assert.equal(est.monitoring.category, 'unstable');
  assert.equal(await page.textContent('#card-monitoring [data-fact=类别]'), '脱贫不稳定户');
  assert.equal(await page.textContent('#card-dibao .badge'), '符合');
  assert.ok(await page.isVisible('#card-education'));
  await page.screenshot({ path: `${shots}/household-unstable.png`, fullPage: true });
});

test('a 突发严重困难户 with 单人户 members and temporary assistance', async () => {
  await typeIn(households.sudden);
  const h = await exported();
  const est = await assertFiguresMatch(h);
  assert.equal(est.monitoring.category, 'suddenHardship');
  assert.equal(await page.textContent('#card-monitoring [data-fact=类别]'), '突发严重困难户');
  const dibao = est.programs.find((p) => p.program === 'dibao');
  assert.deepEqual(dibao.singlePerson.map((s) => s.member), ['妻子', '儿子']);
  assert.equal(await page.$$eval('#card-dibao [data-key*=singlePerson]', (els) => els.length), 2);
  // Need 441 × 12 × 3 + (40000 − 18000) = 37876; severe ceiling 441 × 6 × 3 = 7938.
  assert.equal(await page.textContent('#card-temporary [data-key$=".amount"]'), '7938.00 元⚠');
  await page.screenshot({ path: `${shots}/household-sudden-hardship.png`, fullPage: true });
});

test('an 边缘易致贫 elderly couple, the chart and the what-if panel', async () => {
  await typeIn(households.marginal);
  const h = await exported();
  const est = await assertFiguresMatch(h);
  assert.equal(est.monitoring.category, 'marginal');
  assert.equal(est.monitoring.track, 'safetyNet');
  // The chart is the package's curve over the range the page chose.
  const range = await page.$eval('#chart', (c) => ({ ...c.dataset }));
  const curve = engine.incomeCurve(h, asOf, range);
  assert.equal(Number(await page.getAttribute('#chart polyline', 'data-points')), curve.points.length);
  assert.deepEqual(await page.$$eval('#chart line.cliff', (ls) => ls.map((l) => l.dataset.cliff)), curve.cliffs.map((c) => c.fromIncome));
  assert.ok(curve.cliffs.length > 0, 'the 加发 of two elderly members makes a cliff where 低保 ends');
  assert.equal(await page.getAttribute('#chart circle.here', 'data-total'), est.totalAnnual);
  // What if the rural standard were 471: (471 − 375) × 2 + 2 × 47.10 = 286.20 against 132 + 88.20 = 220.20 a month.
  await page.fill('#what-if-form [name="dibao.standard.rural"]', '471');
  await page.click('#what-if-apply');
  await page.waitForSelector('#what-if-table:not([hidden])');
  const c = engine.compare(h, asOf, engine.withOverrides({ 'dibao.standard.rural': '471' }));
  assert.equal(c.totalDifference, '792.00');
  assert.equal(await page.textContent('#what-if-total'), c.totalDifference);
  const cells = await page.$$eval('#what-if-table tbody [data-key]', (els) => els.map((e) => [e.dataset.key, e.textContent]));
  for (const [key, text] of cells) assert.equal(text, at(c, key), key);
  await page.screenshot({ path: `${shots}/household-marginal-what-if.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${shots}/print-view.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('import fills the form and gives the same figures; a bad field is pointed at', async () => {
  await page.fill('#household-json', JSON.stringify(households.unstable));
  await page.click('#import');
  assert.deepEqual(await exported(), households.unstable);
  await assertFiguresMatch(households.unstable);
  await page.fill('#members tr.member:nth-child(1) [name=wages]', '12.345');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /members\[0\]\.wages/);
  assert.ok(await page.$eval('#members tr.member:nth-child(1) [name=wages]', (e) => e.classList.contains('invalid')));
  await page.fill('#members tr.member:nth-child(1) [name=wages]', '8000');
  await page.waitForSelector('#error', { state: 'hidden' });
});

test('the transition card and the policy items', async () => {
  const t = engine.transition(asOf, '230129');
  assert.equal(await page.textContent('#t-phase'), '过渡期内 · 第3年');
  assert.equal(await page.textContent('#t-days'), `${t.daysRemaining} 天`);
  assert.deepEqual(await page.$$eval('#t-measures li', (ls) => ls.map((l) => l.dataset.id)), t.measures.map((m) => m.id));
  assert.equal(await page.$$eval('#policy-items li', (ls) => ls.length), 26);
  // A citation in a card leads to the quoted item of the policy text, which opens.
  await page.click('#card-dibao a.cite');
  const item = page.locator('#policy-items li[data-citation="四(十)"]');
  await item.locator('details[open]').waitFor();
  assert.match(await item.textContent(), /低保金加发/);
  assert.equal(await page.$$eval('#region optgroup', (gs) => gs.length), 13);
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assert.ok(requests.length >= 6, 'page, scripts, style, wasm');
  for (const url of requests) assert.equal(new URL(url).hostname, '127.0.0.1', url);
  assert.deepEqual(problems, []);
});
