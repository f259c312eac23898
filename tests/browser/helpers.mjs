// Shared by the browser tests: the built site, servers, Debian's chromium, typing a household in as
// staff would, and checking what the page shows against the package.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const root = new URL('../..', import.meta.url).pathname;
export const shots = `${root}test-output/browser`;
export const site = `${root}dist/site`;
export const asOf = '2023-06-01';
mkdirSync(shots, { recursive: true });

const newest = (dir) => {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
};

/** Build dist/site/ when it is missing or older than www/, the package or the script (one builder at a time). */
export function ensureSite() {
  const lock = `${root}dist/.site-lock`;
  const fresh = () => existsSync(`${site}/index.html`) && statSync(`${site}/index.html`).mtimeMs >=
    Math.max(newest(`${root}www`), newest(`${root}dist/zhenxing/web`), newest(`${root}dist/zhenxing/household`), statSync(`${root}scripts/site.mjs`).mtimeMs);
  if (fresh()) return;
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error(`${lock} held for a minute`);
      spawnSync('sleep', ['0.1']);
    }
  }
  try {
    if (!fresh()) {
      const r = spawnSync(process.execPath, [`${root}scripts/site.mjs`], { stdio: 'inherit' });
      assert.equal(r.status, 0, 'scripts/site.mjs failed');
    }
  } finally {
    rmdirSync(lock);
  }
}

/** Start a server process that prints its URL; resolves to { url, proc }. */
export async function startServer(cmd, args, pattern = /http:\/\/127\.0\.0\.1:\d+\//, opts = {}) {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let seen = '';
  const url = await new Promise((resolve, reject) => {
    const look = (chunk) => {
      seen += chunk;
      const m = seen.match(pattern);
      if (m) resolve(m[0]);
    };
    proc.stdout.on('data', look);
    proc.stderr.on('data', look);
    proc.on('exit', (code) => reject(new Error(`${cmd} exited (${code}): ${seen}`)));
    setTimeout(() => reject(new Error(`${cmd} printed no URL: ${seen}`)), 15000);
  });
  return { url, proc };
}

/** scripts/serve.mjs on a free port, serving the built site. */
export async function serveSite() {
  ensureSite();
  return startServer(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0']);
}

export async function stop(proc) {
  if (!proc || proc.exitCode !== null) return;
  proc.kill();
  await once(proc, 'exit');
}

/** Debian's chromium, headless; `extra`: more flags. @param {string[]} [extra] */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...extra],
  });
}

/** A page that records every request and every error it shows. */
export async function openPage(browser, url, viewport = { width: 1366, height: 768 }) {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { page, requests, problems, response };
}

export const households = {
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
  /** A monitored household with an orphaned, disabled child, an uninsured father and a C-rated house. */
  provisions: {
    region: '230129', status: 'monitored', monitoringCategory: 'marginal', housing: { appraisal: 'C' },
    members: [{ id: '父亲', birthDate: '1975-04-01', insured: false, disabilityType: 'physical', disabilityGrade: 3 },
      { id: '孙女', birthDate: '2018-06-01', care: 'orphanDispersed', disabilityType: 'autism', healthExemptFromSchool: true }],
    income: { transfer: '4000' },
  },
  /** Six members, every kind of input the form has: the printout must still fit on two pages. */
  six: {
    ref: 'YS-2023-0117', region: '230129', status: 'returned', monitoringCategory: 'suddenHardship',
    members: [
      { id: '户主', birthDate: '1968-03-02', wages: '6000', workRegion: '230102' },
      { id: '妻子', birthDate: '1970-07-15', seriousIllness: true, laborCapacity: 'partial' },
      { id: '母亲', birthDate: '1941-11-20', selfCare: 'partial', disabilityGrade: 2 },
      { id: '长子', birthDate: '2004-09-01', schooling: 'higherVocational', boarding: true },
      { id: '女儿', birthDate: '2009-05-05', schooling: 'junior', boarding: true },
      { id: '孙子', birthDate: '2019-02-11', schooling: 'preschool', hasSupporter: false },
    ],
    income: { business: '9000', transfer: '3000', exempt: '1800' },
    lastYearIncome: '40000', rigidSpending: '30000', events: ['illness', 'accident'],
    guarantees: { housing: false },
  },
};

/** Type a household into the form as a member of staff would. */
export async function typeIn(page, h, date = asOf) {
  await page.click('#new-household');
  await page.fill('#as-of', date);
  await page.selectOption('#region', h.region);
  await page.selectOption('[name=status]', h.status ?? 'general');
  if (h.monitoringCategory) await page.selectOption('[name=monitoringCategory]', h.monitoringCategory);
  await page.selectOption('[name=area]', h.area ?? 'rural');
  if (h.ref) await page.fill('[name=ref]', h.ref);
  for (const [i, m] of h.members.entries()) {
    if (i > 0) await page.click('#add-member');
    const card = `#members .member:nth-child(${i + 1})`;
    if (m.id) await page.fill(`${card} [name=id]`, m.id);
    await page.fill(`${card} [name=birthDate]`, m.birthDate);
    if (m.disabilityGrade) await page.selectOption(`${card} [name=disabilityGrade]`, String(m.disabilityGrade));
    if (m.laborCapacity) await page.selectOption(`${card} [name=laborCapacity]`, m.laborCapacity);
    if (m.selfCare) await page.selectOption(`${card} [name=selfCare]`, m.selfCare);
    if (m.wages) await page.fill(`${card} [name=wages]`, m.wages);
    if (m.workRegion) await page.selectOption(`${card} [name=workRegion]`, m.workRegion);
    if (m.schooling) await page.selectOption(`${card} [name=schooling]`, m.schooling);
    if (m.seriousIllness) await page.check(`${card} [name=seriousIllness]`);
    if (m.boarding) await page.check(`${card} [name=boarding]`);
    if (m.hasSupporter === false) await page.uncheck(`${card} [name=hasSupporter]`);
    if (m.disabilityType) await page.selectOption(`${card} [name=disabilityType]`, m.disabilityType);
    if (m.care) await page.selectOption(`${card} [name=care]`, m.care);
    if (m.insured === false) await page.uncheck(`${card} [name=insured]`);
    if (m.healthExemptFromSchool) await page.check(`${card} [name=healthExemptFromSchool]`);
  }
  for (const [k, v] of Object.entries(h.income ?? {})) await page.fill(`[name="income.${k}"]`, v);
  if (h.lastYearIncome) await page.fill('[name=lastYearIncome]', h.lastYearIncome);
  if (h.rigidSpending) await page.fill('[name=rigidSpending]', h.rigidSpending);
  if (h.housing?.appraisal) await page.selectOption('[name="housing.appraisal"]', h.housing.appraisal);
  for (const e of h.events ?? []) await page.check(`[name="events.${e}"]`);
  for (const [k, v] of Object.entries(h.guarantees ?? {})) if (v === false) await page.uncheck(`[name="guarantees.${k}"]`);
}

/** The household as the page exports it. */
export async function exported(page) {
  if (!(await page.isVisible('#export'))) await page.click('details.io > summary');
  await page.click('#export');
  return JSON.parse(await page.inputValue('#household-json'));
}

/** Follow a path like programs[0].supplements[1].monthly. */
export function at(obj, path) {
  return path.split(/\.|(?=\[)/).reduce((o, part) => {
    const idx = /^\[(\d+)\]$/.exec(part);
    return o?.[idx ? Number(idx[1]) : part];
  }, obj);
}

/** Every amount on the page equals the package's estimate of the same household. */
export async function assertFiguresMatch(page, engine, h, date = asOf) {
  const est = engine.estimate(h, date);
  await page.waitForFunction(() => !document.querySelector('#results').classList.contains('outdated'));
  const shown = await page.$$eval('#results [data-key]', (els) => els.map((e) => [e.dataset.key, e.firstChild.textContent.trim()]));
  assert.ok(shown.length >= 10, `only ${shown.length} figures shown`);
  for (const [key, text] of shown) {
    // The what-if table (kept, hidden, after a recompute) shows a comparison, not the estimate.
    if (key === 'totalDifference' || key === 'onBehalfDifference' || /^(baseline|alternative)\./.test(key) || /^programs\[\d+\]\.(baseline|alternative|difference)$/.test(key)) continue;
    assert.equal(text, at(est, key), `${key} shown as ${text}`);
  }
  // Amounts resting on non-official or stale figures are marked, and the notice says why.
  const marked = await page.$$eval('#results .unofficial-figure', (els) => els.length);
  assert.equal(marked > 0, est.unofficial.length > 0 || est.stale.length > 0);
  return est;
}

/** No request left 127.0.0.1 and nothing went wrong in the page. */
export function assertClean({ requests, problems }, host = '127.0.0.1') {
  assert.ok(requests.length >= 6, 'page, scripts, style, wasm');
  for (const url of requests) assert.equal(new URL(url).hostname, host, url);
  assert.deepEqual(problems, []);
}
