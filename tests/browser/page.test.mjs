// Browser layer: the staff page in Debian's chromium (playwright-core), served on 127.0.0.1.
// Every figure the page shows must equal what the package returns; no request may leave 127.0.0.1.
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
let server, browser, page, baseUrl;
const requests = [];
const problems = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = spawn(process.execPath, [`${root}scripts/serve.mjs`, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(server.stdout, 'data');
  baseUrl = String(line).match(/http:\/\/127\.0\.0\.1:\d+\//)[0];
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, locale: 'zh-CN' });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(baseUrl);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function choose(asOf, region) {
  await page.fill('#as-of', asOf);
  await page.selectOption('#region', region);
  await page.waitForFunction(([d]) => document.querySelector('#as-of').value === d, [asOf]);
}

async function card() {
  return page.evaluate(() => ({
    phase: document.querySelector('#t-phase').textContent,
    period: document.querySelector('#t-period').textContent,
    days: document.querySelector('#t-days').textContent,
    pilot: document.querySelector('#t-pilot').textContent,
    measures: [...document.querySelectorAll('#t-measures li')].map((li) => li.dataset.id),
    citations: [...document.querySelectorAll('#t-measures .cite')].map((c) => c.textContent),
    unofficial: [...document.querySelectorAll('#t-unofficial li')].map((li) => li.dataset.param),
    steps: document.querySelectorAll('#t-steps li').length,
  }));
}

function assertCardMatches(shown, t) {
  assert.equal(shown.period, `${t.start} 至 ${t.end}`);
  assert.equal(shown.days, `${t.daysRemaining} 天`);
  assert.equal(shown.pilot, t.fundIntegrationPilot ? '适用' : '不适用');
  assert.deepEqual(shown.measures, t.measures.map((m) => m.id));
  assert.deepEqual(shown.citations, t.measures.map((m) => m.citation));
  assert.deepEqual(shown.unofficial, t.unofficial);
  assert.equal(shown.steps, t.steps.length);
}

test('延寿县 on 2023-06-01: year 3, pilot in force, figures as the package computes them', async () => {
  await choose('2023-06-01', '230129');
  const shown = await card();
  assert.equal(shown.phase, '过渡期内 · 第3年');
  assertCardMatches(shown, engine.transition('2023-06-01', '230129'));
  await page.screenshot({ path: `${shots}/transition-yanshou-2023.png`, fullPage: true });
});

test('延寿县 on 2024-01-01: year 4, pilot over', async () => {
  await choose('2024-01-01', '230129');
  const shown = await card();
  assert.equal(shown.phase, '过渡期内 · 第4年');
  assert.equal(shown.pilot, '不适用');
  assertCardMatches(shown, engine.transition('2024-01-01', '230129'));
});

test('the whole province on 2026-01-01: after the period', async () => {
  await choose('2026-01-01', '');
  const shown = await card();
  assert.equal(shown.phase, '过渡期后（常态化帮扶）');
  assertCardMatches(shown, engine.transition('2026-01-01'));
  await page.screenshot({ path: `${shots}/transition-after.png`, fullPage: true });
});

test('a date outside the parameters shows the PolicyError, then the page recovers', async () => {
  await choose('2019-06-01', '');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /OUT_OF_RANGE/);
  await choose('2022-03-01', '230102');
  assert.equal(await page.isHidden('#error'), true);
  assertCardMatches(await card(), engine.transition('2022-03-01', '230102'));
});

test('the region list groups counties under their cities and marks 脱贫县', async () => {
  const groups = await page.$$eval('#region optgroup', (gs) => gs.map((g) => g.label));
  assert.equal(groups.length, 13);
  assert.equal(await page.$$eval('#region option', (os) => os.filter((o) => o.textContent.includes('脱贫县')).length), 20);
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assert.ok(requests.length >= 4, 'page, script, style, wasm');
  for (const url of requests) assert.equal(new URL(url).hostname, '127.0.0.1', url);
  assert.deepEqual(problems, []);
});
