// Browser layer: the county page (www/county.html) in Debian's chromium, served on 127.0.0.1 under the
// same strict Content-Security-Policy as the staff page. The profile, an imported asset ledger (CSV and
// JSON) and the indicators must show exactly what the package returns; nothing may leave 127.0.0.1; the
// printed page keeps the results and drops the controls. Screenshots go to test-output/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: 'zh-CN' });
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(`${baseUrl}county.html`);
  assert.match(response.headers()['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function choose(region, asOf) {
  await page.fill('#as-of', asOf);
  await page.selectOption('#region', region);
  await page.dispatchEvent('#as-of', 'change');
}

test('the profile of 延寿县 shows the measures and the pending ones the package gives', async () => {
  await choose('230129', '2023-06-01');
  const p = engine.county('230129', '2023-06-01');
  assert.deepEqual(await page.$$eval('#profile ul.measures li', (ls) => ls.map((l) => l.dataset.measure)), p.measures.map((m) => m.id));
  assert.deepEqual(await page.$$eval('#profile ul.pending li', (ls) => ls.map((l) => l.dataset.measure)), p.pending.map((m) => m.id));
  assert.equal(await page.textContent('[data-fact=乡村振兴重点帮扶县]'), '名单未公布');
  assert.match(await page.textContent('[data-fact=脱贫县]'), /^是（原国家级贫困县，2019年度退出）$/);
  assert.equal(await page.textContent('[data-fact=涉农资金统筹整合试点]'), '适用');
  // The figures it rests on are named as officers know them, never by parameter ids.
  const params = await page.$$eval('#profile [data-param]', (ls) => ls.map((l) => [l.dataset.param, l.textContent]));
  assert.ok(params.length > 0, 'the profile lists the non-official figures it rests on');
  for (const [name, text] of params) assert.doesNotMatch(text, /[A-Za-z]{2,}/, `${name} shown as “${text}”`);
  await page.screenshot({ path: `${shots}/county-yanshou.png`, fullPage: true });
});

test('a prefecture lists its county-level units', async () => {
  await choose('230100', '2022-06-01');
  const p = engine.county('230100', '2022-06-01');
  assert.deepEqual(await page.$$eval('#county-table tbody tr', (rs) => rs.map((r) => r.dataset.code)), p.counties.map((c) => c.code));
  await choose('230129', '2023-06-01');
});

test('a ledger pasted as JSON: every figure, disposal and finding equals the package', async () => {
  const c = JSON.parse(readFileSync(`${root}tests/cases/assets-ledger-dozen.json`, 'utf8'));
  const [list, asOf] = c.args;
  await choose('230129', asOf);
  await page.click('#ledger details > summary');
  await page.fill('#ledger-json', JSON.stringify(list));
  await page.click('#ledger-run');
  await page.waitForSelector('#ledger-table');
  const l = engine.assets(list, asOf, '230129');
  const shown = await page.$$eval('#ledger-body [data-key]', (els) => els.map((e) => [e.dataset.key, e.textContent.trim()]));
  assert.ok(shown.length > 40, `only ${shown.length} figures`);
  const at = (path) => path.split(/\.|(?=\[)/).reduce((o, part) => o?.[/^\[(\d+)\]$/.exec(part)?.[1] ?? part], l);
  for (const [key, text] of shown) assert.equal(text, at(key) ?? '—', key);
  const findings = await page.$$eval('#ledger-table tbody tr', (rs) => rs.map((r) => Number(r.querySelector('[data-findings]')?.dataset.findings)));
  assert.deepEqual(findings, l.items.map((i) => i.asset.findings.length));
  const disposals = await page.$$eval('#ledger-table [data-disposal]', (ds) => ds.map((d) => d.dataset.disposal));
  assert.deepEqual(disposals, l.items.filter((i) => i.asset.disposal).map((i) => String(i.asset.disposal.allowed)));
  assert.deepEqual(await page.$$eval('#ledger .unofficial li', (ls) => ls.map((x) => x.dataset.param)), l.unofficial);
  await page.screenshot({ path: `${shots}/county-ledger.png`, fullPage: true });
});

test('a ledger imported as CSV, bad rows shown as their own errors', async () => {
  const csv = '\uFEFFid,name,village,funding_source,year,value,kind,owner_level,annual_income,income_uses,disposal_type,disposal_price,disposal_approvals\r\n'
    + 'A01,"光伏电站,一期",前进村,specialFund,2019,800000,photovoltaic,village,60000,maintenance:6000;smallAwards:12000,,,\r\n'
    + 'A02,道路,前进村,specialFund,1900,-5,road,village,,,,,\r\n'
    + 'A03,卫生室,红星村,donation,2020,40000,publicService,village,,,loss,,villageMeeting;township\r\n';
  const file = `${root}test-output/browser/ledger.csv`;
  writeFileSync(file, csv);
  await page.fill('#ledger-json', '');
  await page.setInputFiles('#ledger-file', file);
  await page.click('#ledger-run');
  await page.waitForSelector('#ledger-table tr.bad');
  assert.deepEqual(await page.$$eval('#ledger-table [data-error]', (es) => es.map((e) => e.dataset.error)), ['[1].year']);
  // A02 is on line 3 of the file (the header is line 1): the officer reads the line, then each of
  // the row's two faults by its column.
  assert.equal(await page.textContent('#ledger-table [data-error]'),
    '第 3 行：形成年度 1900 不在 1949 到 2200 之间；“账面价值”（value）：金额不能为负数');
  assert.equal(await page.textContent('#ledger-table tr[data-id=A01] td:nth-child(3)'), '光伏电站,一期');
  assert.equal(await page.getAttribute('#ledger-table tr[data-id=A03] [data-disposal]', 'data-disposal'), 'true');
  await page.setInputFiles('#ledger-file', []);
});

test('the ledger\'s file picker and the buttons look and read as on the register page', async () => {
  // Not the browser's own control ("Choose File / No file chosen" in an English browser): a styled
  // 选择文件 button, the chosen file's name beside it; the input keeps its label and the keyboard.
  const file = await page.$eval('#ledger-file', (input) => ({
    name: input.labels[0]?.textContent, shown: input.getBoundingClientRect().width > 1, described: input.getAttribute('aria-describedby'),
  }));
  assert.deepEqual(file, { name: '选择文件', shown: false, described: 'ledger-file-name' });
  assert.equal(await page.textContent('#ledger-file-name'), '未选择文件');
  // The register page's button look: its blue, its rounded corners (register.css).
  const look = (sel) => page.$eval(sel, (e) => { const s = getComputedStyle(e); return [s.backgroundColor, s.borderRadius]; });
  for (const sel of ['label[for=ledger-file]', '#ledger-run']) assert.deepEqual(await look(sel), ['rgb(10, 88, 202)', '6px'], sel);
  assert.deepEqual(await look('#print'), ['rgb(255, 255, 255)', '6px']);
  // By keyboard: Tab from the region reaches the input, and the focus is shown on the button it
  // hides behind.
  await page.focus('#region');
  let focused = '';
  for (let i = 0; i < 20 && focused !== 'ledger-file'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  assert.equal(focused, 'ledger-file', 'the file input is reached with Tab');
  assert.notEqual(await page.$eval('label[for=ledger-file]', (e) => getComputedStyle(e).outlineStyle), 'none', 'focus shown on 选择文件');
  await page.setInputFiles('#ledger-file', `${root}tests/county/ledger-zh.csv`);
  assert.equal(await page.textContent('#ledger-file-name'), 'ledger-zh.csv');
  await page.setInputFiles('#ledger-file', []);
  assert.equal(await page.textContent('#ledger-file-name'), '未选择文件');
  await page.screenshot({ path: `${shots}/county-file-picker.png` });
});

test('a ledger in Chinese, saved as UTF-8 or GBK, reads as the English one (the command-line tool\'s reader)', async () => {
  // tests/county/ledger-zh.csv is the first twelve rows of ledger.csv with Chinese headers and the words
  // results show (光伏电站, 村集体经济组织, 项目运行管护：6000；…, 2019年); ledger-zh-gbk.csv the same in GBK.
  await choose('230129', '2024-06-01');
  const en = engine.assetsText(readFileSync(`${root}tests/county/ledger.csv`, 'utf8'), '2024-06-01', '230129');
  const twelve = en.items.slice(0, 12);
  for (const name of ['ledger-zh.csv', 'ledger-zh-gbk.csv']) {
    await page.fill('#ledger-json', '');
    await page.setInputFiles('#ledger-file', `${root}tests/county/${name}`);
    // The file is read before the table is replaced: wait for the new table, not the last one.
    const last = await page.$('#ledger-table');
    await page.click('#ledger-run');
    await page.waitForFunction((table) => table === null || !table.isConnected, last);
    await page.waitForSelector('#ledger-table');
    assert.equal(await page.$$eval('#ledger-table tr.bad', (rs) => rs.length), 0, name);
    const ids = await page.$$eval('#ledger-table tbody tr', (rs) => rs.map((r) => r.dataset.id));
    assert.deepEqual(ids, twelve.map((i) => i.asset.id), name);
    const classes = await page.$$eval('#ledger-table [data-key$=".classLabel"]', (es) => es.map((e) => e.textContent));
    assert.deepEqual(classes, twelve.map((i) => i.asset.classLabel), name);
    const planned = await page.$$eval('#ledger-table [data-key$=".planned"]', (es) => es.map((e) => e.textContent.trim()));
    assert.deepEqual(planned, twelve.map((i) => i.asset.planned ?? '—'), name);
    // A12 (其他资金) is not a 扶贫项目资产 but is in the totals as a row of the ledger: the page says so
    // beside the totals, with what it adds, and what to do.
    const note = await page.textContent('#out-of-scope');
    assert.match(note, /含不属于扶贫项目资产的 1 项（A12 红星村农家乐，账面价值 100000\.00 元）/, name);
    assert.match(note, /移出台账/, name);
  }
  await page.setInputFiles('#ledger-file', []);
});

test('indicators for two counties: one meets the income target, one does not; the chart follows', async () => {
  const cases = [
    [{ region: '230129', year: 2022, income: { thisYear: '16800', lastYear: '15600' }, provinceGrowth: '0.065',
      register: { households: 12000, monitored: { unstable: { households: 300, riskEliminated: 180 } }, dibaoGaps: 0, tekunGaps: 0 } }, '2023-03-01', 'true'],
    [{ region: '230231', year: 2023, income: { thisYear: '15400', lastYear: '14800' }, provinceGrowth: '0.0635' }, '2024-03-01', 'false'],
  ];
  for (const [input, asOf, met] of cases) {
    await choose(input.region, asOf);
    await page.fill('[name=year]', String(input.year));
    await page.fill('[name=thisYear]', input.income.thisYear);
    await page.fill('[name=lastYear]', input.income.lastYear);
    await page.fill('[name=provinceGrowth]', input.provinceGrowth);
    for (const name of ['households', 'unstable', 'unstableEliminated', 'dibaoGaps', 'tekunGaps']) await page.fill(`[name=${name}]`, '');
    if (input.register) {
      await page.fill('[name=households]', String(input.register.households));
      await page.fill('[name=unstable]', String(input.register.monitored.unstable.households));
      await page.fill('[name=unstableEliminated]', String(input.register.monitored.unstable.riskEliminated));
      await page.fill('[name=dibaoGaps]', '0');
      await page.fill('[name=tekunGaps]', '0');
    }
    await page.click('#indicators-run');
    await page.waitForSelector('#indicator-table');
    const r = engine.countyIndicators(input, asOf);
    assert.equal(await page.getAttribute('#indicator-table tr[data-id=incomeGrowth] [data-met]', 'data-met'), met);
    const shown = await page.$$eval('#indicator-table [data-key]', (els) => els.map((e) => e.textContent));
    assert.deepEqual(shown, r.indicators.map((x) => `${x.value}${x.unit ?? ''}`));
    const bars = await page.$$eval('#indicator-chart rect', (rs) => rs.map((x) => x.dataset.value));
    assert.deepEqual(bars.slice(0, 2), [r.incomeGrowth.growth, r.incomeGrowth.provinceGrowth]);
  }
  await page.screenshot({ path: `${shots}/county-indicators.png`, fullPage: true });
});

test('indicators read numbers as the staff page does; an error replaces the result, at its field', async () => {
  const fields = ['year', 'thisYear', 'lastYear', 'provinceGrowth', 'households', 'unstable', 'unstableEliminated', 'dibaoGaps', 'tekunGaps'];
  for (const name of fields) await page.fill(`[name=${name}]`, '');
  // An empty form says so, and shows no table.
  await page.click('#indicators-run');
  await page.waitForSelector('#indicators-problem:not([hidden])');
  assert.match(await page.textContent('#indicators-problem'), /表单是空的/);
  assert.equal(await page.$$eval('#indicator-table', (t) => t.length), 0);
  // 6.5% is 0.065, as the main page's what-if reads 30%; “16,800元” is 16800.
  await choose('230129', '2023-03-01');
  await page.fill('[name=year]', '2022');
  await page.fill('[name=thisYear]', '16,800元');
  await page.fill('[name=lastYear]', '15600');
  await page.fill('[name=provinceGrowth]', '6.5%');
  await page.click('#indicators-run');
  await page.waitForSelector('#indicator-table');
  assert.ok(await page.isHidden('#indicators-problem'));
  const r = engine.countyIndicators({ region: '230129', year: 2022, income: { thisYear: '16800', lastYear: '15600' }, provinceGrowth: '0.065' }, '2023-03-01');
  assert.deepEqual(await page.$$eval('#indicator-table [data-key]', (els) => els.map((e) => e.textContent)), r.indicators.map((x) => `${x.value}${x.unit ?? ''}`));
  // A figure that is not a number: the last result goes, the problem is named by its field.
  await page.fill('[name=thisYear]', '一万');
  await page.click('#indicators-run');
  await page.waitForSelector('#indicators-problem:not([hidden])');
  assert.equal(await page.$$eval('#indicator-table', (t) => t.length), 0, 'no result of earlier figures beside the error');
  assert.match(await page.textContent('#indicators-problem'), /^无法计算指标：本县本年：/);
  assert.equal(await page.getAttribute('[name=thisYear]', 'aria-invalid'), 'true');
  assert.equal(await page.$eval('#error', (e) => e.hidden), true, 'not the page-wide error box');
  await page.fill('[name=thisYear]', '16800');
  await page.click('#indicators-run');
  await page.waitForSelector('#indicator-table');
  assert.equal(await page.$$eval('[aria-invalid]', (els) => els.length), 0);
});

test('printing keeps the results and drops the controls', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#region'), false);
  assert.equal(await page.isVisible('#indicator-form'), false);
  assert.equal(await page.isVisible('#profile ul.measures'), true);
  assert.equal(await page.isVisible('#indicator-table'), true);
  await page.pdf({ path: `${shots}/county.pdf` }).catch(() => {}); // headless chromium only
  await page.emulateMedia({ media: 'screen' });
});

test('nothing left 127.0.0.1 and the page logged no error', () => {
  assert.deepEqual(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(problems, []);
});
