// The register page (www/register.html) in Debian's chromium under the site's strict CSP: sample
// registers dropped in as a county officer would (UTF-8 CSV, GBK CSV, an .xlsx saved by LibreOffice)
// give the command-line tool's CSV byte for byte in the download; the summary is `zhenxing summary`'s;
// the what-if is `zhenxing compare`'s, the period-end comparison `zhenxing compare --to`'s; identity
// numbers of a register appear in no output; axe and a phone are content; a 50,000-household register
// is read and screened with figures reported (never timed tests). Output in test-output/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import writeExcelFile from 'write-excel-file/node';
import readExcelFile from 'read-excel-file/node';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { launch, openPage, root, serveSite, shots, stop } from './helpers.mjs';
import { measure, registerCsv } from '../../benches/register-page.mjs';

const registers = `${root}tests/registers`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser, tab, page;
const figures = {};

before(async () => {
  // The command-line tool whose output the page must give (built by `cargo test --features cli`).
  const built = spawnSync('cargo', ['build', '--quiet', '--features', 'cli'], { cwd: root, stdio: 'inherit' });
  assert.equal(built.status, 0, 'cargo build --features cli');
  server = await serveSite();
  browser = await launch();
  tab = await openPage(browser, `${server.url}register.html`);
  page = tab.page;
});

after(async () => {
  writeFileSync(`${shots}/register-figures.json`, `${JSON.stringify(figures, null, 2)}\n`);
  await browser?.close();
  await stop(server?.proc);
});

/** The command-line tool's output file for `args` (the output path is added). */
function cli(args, out = `${shots}/cli-out.csv`) {
  const r = spawnSync(`${root}target/debug/zhenxing`, [...args, '-o', out, '--quiet'], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return readFileSync(out);
}

/** Open `file` in the page (columns first), then screen it on `asOf`. */
async function screen(file, asOf, encoding = 'auto') {
  await page.selectOption('#encoding', encoding);
  await page.fill('#as-of', asOf);
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#columns-card:not([hidden])');
  await page.click('#start');
  await page.waitForSelector('body[data-results="true"]', { timeout: 60000 });
  await page.setInputFiles('#file', []);
}

/**
 * The county register's printed summary (`zhenxing summary --as-of 2025-06-01`): its last lines'
 * headings, its stale and non-official parameters as one sentence each, its assumptions' texts.
 */
function printedBasis() {
  const lines = readFileSync(`${registers}/county/expected-summary.txt`, 'utf8').trimEnd().split('\n');
  const headings = lines.filter((l) => /^(已过更新周期|不是官方公布值|按本计算器的假设)/.test(l));
  const after = (h) => lines.slice(lines.findIndex((l) => l.startsWith(h)) + 1);
  const paragraph = (h) => after(h).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('  '))).map((l) => l.trim()).join('');
  // A line cut after a space loses it (` × 低保标准`): the texts are compared without spaces.
  const assumptions = after('按本计算器的假设').join('\n').split('\n  · ').map((t) => t.replace(/^ {2}· /, '').replace(/\n {4}/g, '').replace(/ /g, ''));
  return { headings, stale: paragraph('已过更新周期'), unofficial: paragraph('不是官方公布值'), assumptions };
}

/** The bytes of what a button downloads. */
async function download(button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const engine = new PolicyEngine();
const bom = (b) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));

test('a UTF-8 CSV register: the download is the command-line tool\'s CSV, byte for byte', async () => {
  const file = `${registers}/spreadsheet/register-utf8.csv`;
  await screen(file, '2023-06-01');
  const { name, bytes } = await download('#download-csv');
  assert.equal(name, '花名册测算结果-2023-06-01.csv');
  const expected = cli(['estimate', '--as-of', '2023-06-01', '--headers', 'zh', file]);
  assert.ok(bom(bytes), 'starts with a byte-order mark');
  assert.ok(bytes.equals(expected), `page:\n${bytes}\nCLI:\n${expected}`);
  assert.match(await page.textContent('#counts'), /^共 \d+ 户：成功 \d+ 户，有误 \d+ 户$/);
});

test('a GBK CSV register is recognised as GBK and gives the tool\'s CSV with --encoding gbk', async () => {
  const file = `${registers}/spreadsheet/register-gbk.csv`;
  await screen(file, '2023-06-01');
  assert.match(await page.textContent('#columns-note'), /GBK 编码/);
  const { bytes } = await download('#download-csv');
  assert.ok(bytes.equals(cli(['estimate', '--as-of', '2023-06-01', '--headers', 'zh', '--encoding', 'gbk', file])));
});

test('an .xlsx saved by LibreOffice gives the tool\'s CSV of the same sheet saved as CSV', async () => {
  // register.xlsx and register-utf8.csv are the same workbook (tests/registers/spreadsheet/README.md):
  // serial dates, amounts stored as numbers shown with thousands separators, ids as text.
  await screen(`${registers}/spreadsheet/register.xlsx`, '2023-06-01');
  assert.match(await page.textContent('#columns-note'), /Excel 工作簿，工作表“花名册”/);
  const { bytes } = await download('#download-csv');
  assert.ok(bytes.equals(cli(['estimate', '--as-of', '2023-06-01', '--headers', 'zh', `${registers}/spreadsheet/register-utf8.csv`])));
  // The workbook download: Chinese headers, the same cells, figures as numbers.
  const xlsx = await download('#download-xlsx');
  assert.equal(xlsx.name, '花名册测算结果-2023-06-01.xlsx');
  writeFileSync(`${shots}/register-results.xlsx`, xlsx.bytes);
  const sheet = await readExcelFile(`${shots}/register-results.xlsx`);
  const csvRows = bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
  assert.deepEqual(sheet[0].data[0], csvRows[0]);
  assert.equal(sheet[0].data.length, csvRows.length);
  assert.equal(typeof sheet[0].data[1][csvRows[0].indexOf('现金帮扶年额')], 'number');
});

test('the county register: summary and table as `zhenxing summary`, filters by place and programme', async () => {
  const file = `${registers}/county/register.csv`;
  await screen(file, '2025-06-01');
  assert.equal(await page.textContent('#counts'), '共 13 户：成功 12 户，有误 1 户');
  const summary = await download('#download-summary');
  assert.ok(summary.bytes.equals(cli(['summary', '--as-of', '2025-06-01', '--headers', 'zh', file])), String(summary.bytes));
  // The error, by line, in the officers' words with a fix.
  assert.deepEqual(await page.$$eval('#errors li', (ls) => ls.map((l) => l.dataset.line)), ['13']);
  assert.match(await page.textContent('#errors li'), /出生日期.*改正：在花名册第 13 行/s);
  // Filters: the rows kept are those the tool's CSV says.
  const rows = cli(['estimate', '--as-of', '2025-06-01', '--headers', 'zh', file]).toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
  const h = rows.shift();
  const col = (name) => h.indexOf(name);
  const shownLines = () => page.$$eval('#results-table tbody tr:not(.spacer)', (rs) => rs.map((r) => r.dataset.line));
  await page.selectOption('#f-program', 'dibao');
  await page.selectOption('#f-town', '延寿镇');
  assert.deepEqual(await shownLines(), rows.filter((r) => r[col('最低生活保障符合')] === '是' && r[col('乡镇')] === '延寿镇').map((r) => r[col('起始行')]));
  await page.selectOption('#f-village', '西村');
  assert.deepEqual(await shownLines(), rows.filter((r) => r[col('最低生活保障符合')] === '是' && r[col('村')] === '西村').map((r) => r[col('起始行')]));
  for (const id of ['#f-program', '#f-town', '#f-village']) await page.selectOption(id, '');
  await page.selectOption('#f-category', { label: '突发严重困难户' });
  assert.deepEqual(await shownLines(), rows.filter((r) => r[col('监测类别')] === '突发严重困难户').map((r) => r[col('起始行')]));
  await page.selectOption('#f-category', '');
  await page.screenshot({ path: `${shots}/register-county.png`, fullPage: true });
  // Under the summary, what its figures rested on: each assumption in its words with the
  // programmes that used it (this register's 低保 rests on 补差 without tiers, an assumption).
  const assumption = printedBasis().assumptions.find((t) => t.startsWith('低保金按差额补差'));
  const items = await page.$$eval('#summary-basis li', (ls) => ls.map((l) => l.textContent.replace(/ /g, '')));
  assert.ok(items.includes(`${assumption}（用于：最低生活保障）`), items.join('\n'));
  assert.ok(await page.isVisible('#summary-basis'));
});

test('the what-if over the register counts as `zhenxing compare`', async () => {
  await page.fill('#overrides input[name=value]', '471');
  await page.click('#run-whatif');
  await page.waitForSelector('#whatif-table');
  // The basis of each side, or once when the same (the changed standard is not itself one of them).
  assert.ok((await page.$$eval('#whatif-basis [data-side] li', (ls) => ls.length)) > 0);
  const report = cli(['compare', '--as-of', '2025-06-01', '--set', 'dibao.standard.rural=471', `${registers}/county/register.csv`, '--report', `${shots}/cli-report.csv`], `${shots}/cli-differences.csv`);
  assert.ok(report.length > 0);
  const all = readFileSync(`${shots}/cli-report.csv`, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
  const header = all.shift();
  const total = all.find((r) => r[1] === 'all' && r[2] === 'total');
  const at = (name) => total[header.indexOf(name)];
  const shown = await page.$$eval('#whatif-table tr[data-program=total] [data-key]', (ts) => Object.fromEntries(ts.map((t) => [t.dataset.key, t.textContent])));
  assert.deepEqual([shown.gaining, shown.losing, shown.annualBefore, shown.annualAfter, shown.difference],
    [at('gaining'), at('losing'), at('annual_before'), at('annual_after'), at('annual_change')]);
  assert.match(await page.textContent('#whatif-cost'), new RegExp(`多 ${at('annual_change')} 元`));
  // Officers read the parameters' Chinese names: no key in the choice, the caption or the printout.
  const options = await page.$$eval('#overrides option', (os) => os.map((o) => o.textContent));
  assert.ok(options.includes('农村低保标准（元/人·月）'), options.join(' | '));
  for (const o of options) assert.doesNotMatch(o, /[a-z]+\.[a-zA-Z]/, o);
  const caption = await page.textContent('#whatif-table caption');
  assert.doesNotMatch(caption, /dibao|standard/);
  assert.match(caption, / 改为 471（测算日期 2025-06-01）$/);
  assert.doesNotMatch(await page.textContent('#print-sheet'), /dibao\.standard/);
  // Each household's changes follow its line: no stray "；" opening the second line.
  const whys = await page.$$eval('#whatif-result .changes .why', (ws) => ws.map((w) => w.textContent));
  assert.ok(whys.length > 0);
  for (const w of whys) assert.match(w, /^[^；]/, w);
});

test('the page points to nothing outside itself and names no command or file of the repository', async () => {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /docs\/|\.md\b|zhenxing (summary|compare|estimate)/);
  const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  for (const href of links) assert.match(href, /^(#|[a-z-]+\.html$)/, href);
});

test('the period\'s end over the register is `zhenxing compare --as-of --to`: summary, reasons, households, downloads', async () => {
  const file = `${registers}/county/register.csv`;
  // The two dates default to the parameters' last day of the transition period and the next day.
  const [from, to] = [await page.inputValue('#period-from'), await page.inputValue('#period-to')];
  assert.deepEqual([from, to], ['2025-12-31', '2026-01-01']);
  await page.click('#run-period');
  await page.waitForSelector('#period-table');
  cli(['compare', '--as-of', from, '--to', to, file, '--report', `${shots}/cli-period.json`], `${shots}/cli-period.jsonl`);
  const report = JSON.parse(readFileSync(`${shots}/cli-period.json`, 'utf8'));
  const shown = await page.evaluate(() => window.__periodSummary);
  assert.deepEqual(shown, report);
  // What each date's figures rested on, as the tool's report lists them: an item a line, each
  // assumption in its words (describe), once when both dates rest on the same.
  const items = (b) => b.stale.length + b.unofficial.length + b.assumptions.length;
  const sides = await page.$$eval('#period-basis [data-side]', (ds) => ds.map((d) => [d.dataset.side, d.querySelectorAll('li').length, d.textContent]));
  const same = JSON.stringify(report.basisBefore) === JSON.stringify(report.basisAfter);
  assert.deepEqual(sides.map(([side, n]) => [side, n]), same ? [['both', items(report.basisBefore)]]
    : [['before', items(report.basisBefore)], ['after', items(report.basisAfter)]]);
  for (const a of report.basisAfter.assumptions) {
    assert.ok(sides.at(-1)[2].includes(engine.describe(a.rule, to).rule.text), a.rule);
  }
  // The table by programme: the CLI's figures for each programme that changed, and the total.
  const rows = await page.$$eval('#period-table tbody tr', (rs) => rs.map((r) => [r.dataset.program,
    Object.fromEntries([...r.querySelectorAll('[data-key]')].map((t) => [t.dataset.key, t.textContent]))]));
  const changed = report.programs.filter((p) => p.changed > 0 || p.program === 'total');
  assert.deepEqual(rows.map(([id]) => id), changed.map((p) => p.program));
  for (const [id, cells] of rows) {
    const p = report.programs.find((x) => x.program === id);
    for (const [k, v] of Object.entries(cells)) assert.equal(v, String(p[k]), `${id} ${k}`);
  }
  // Why: each reason with its households, as the report counts them. With the embedded parameters
  // nothing in this register changes at the period's end (分类资助参保 goes on by its parameters from
  // 2026-01-01, an assumption; no student in it has 雨露计划): tests/js/compare-dates-many.test.mjs.
  const reasons = await page.$$eval('#period-reasons tbody tr', (rs) => rs.map((r) => [r.dataset.reason, r.querySelector('th').textContent,
    ...[...r.querySelectorAll('[data-key]')].map((t) => t.textContent)]));
  assert.deepEqual(reasons, report.reasons.map((r) => [r.reason, r.label, String(r.households), String(r.gaining), String(r.losing), r.difference]));
  assert.deepEqual(reasons.map((r) => r[0]), []);
  // The note under the reasons table is the one the command-line tool's printed report ends with
  // (its golden report, which tests/cli.rs holds the tool to): the amounts are not cash alone (代缴,
  // 资助参保) and a programme that changed for two reasons counts under both.
  // The report keeps to 100 columns: the note is its last paragraph, from its 注：, its lines joined.
  const reportLines = readFileSync(new URL('../registers/county/expected-comparison.txt', import.meta.url), 'utf8').trimEnd().split('\n');
  const noteAt = reportLines.findLastIndex((l) => l.includes('注：'));
  const printed = reportLines.slice(noteAt).map((l) => l.trim()).join('').replace(/^· /, '');
  assert.match(printed, /^注：.*不只是现金.*各行相加不等于现金帮扶合计的变化。$/);
  assert.equal(await page.textContent('#period-reasons-note'), printed);
  // The households that change are those the CLI marks changed, each with its reason in words.
  const cliChanged = readFileSync(`${shots}/cli-period.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((h) => h.changed);
  const listed = await page.$$eval('#period-result .changes li', (ls) => ls.map((l) => [l.dataset.line, l.textContent]));
  assert.deepEqual(listed.map(([line]) => line).sort(), cliChanged.map((h) => String(h.line)).sort());
  assert.deepEqual(listed, []);
  assert.match(await page.textContent('#period-cost'), new RegExp(`${report.changed} 户有变化`));
  assert.doesNotMatch(await page.textContent('#period-result'), /null|undefined|NaN/);
  // Downloads: the summary is the CLI's --report CSV byte for byte; the households, a row per change.
  const summary = await download('#download-period');
  assert.equal(summary.name, `过渡期前后对照汇总-${from}-${to}.csv`);
  cli(['compare', '--as-of', from, '--to', to, '--headers', 'zh', file, '--report', `${shots}/cli-period.csv`], `${shots}/cli-period-rows.csv`);
  const expected = readFileSync(`${shots}/cli-period.csv`);
  assert.ok(summary.bytes.equals(expected), `page:\n${summary.bytes}\nCLI:\n${expected}`);
  const households = await download('#download-period-households');
  const lines = households.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
  const header = lines.shift();
  assert.deepEqual(header.slice(0, 3), ['起始行', '结束行', '户编号']);
  const at = (name) => header.indexOf(name);
  const cliRows = cliChanged.flatMap((h) => h.programs.filter((p) => p.eligibleBefore !== p.eligibleAfter || p.annualBefore !== p.annualAfter || p.program === 'total').map((p) => [String(h.line), h.household, p.program === 'total' ? '现金帮扶合计' : p.program, p.annualBefore, p.annualAfter]));
  assert.equal(lines.length, cliRows.length);
  for (const [k, r] of lines.entries()) {
    assert.deepEqual([r[0], r[2], r[at(`${from}年额`)], r[at(`${to}年额`)]], [cliRows[k][0], cliRows[k][1], cliRows[k][3], cliRows[k][4]]);
  }
  // A later date before the first is refused in words; the page goes on.
  await page.fill('#period-to', '2025-01-01');
  await page.click('#run-period');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /终止日期不能早于起始日期/);
  assert.equal(await page.isDisabled('#run-period'), false);
  await page.fill('#period-to', to);
  await page.click('#run-period');
  await page.waitForFunction(() => document.getElementById('error').hidden);
  await page.waitForSelector('#period-table');
});

test('identity and phone numbers are never kept: not in the downloads, the page or its storage', async () => {
  // The county register with a 身份证号码 and a 联系电话 column, as CSV and as an .xlsx (the
  // identity number typed as text, the phone as a number).
  const lines = readFileSync(`${registers}/county/register.csv`, 'utf8').trimEnd().split('\n');
  const ids = lines.slice(1).map((_, i) => `2301291950030${String(1000 + i)}X`.slice(0, 18));
  const phones = lines.slice(1).map((_, i) => 13900000000 + i);
  const csv = lines.map((l, i) => (i ? `${ids[i - 1]},${l},${phones[i - 1]}` : `身份证号码,${l},联系电话`)).join('\n');
  writeFileSync(`${shots}/register-private.csv`, `${csv}\n`);
  const cells = csv.split('\n').map((l) => l.split(','));
  await writeExcelFile(cells.map((r, i) => r.map((c, j) => (i && j === r.length - 1 ? Number(c) : c || null))))
    .toFile(`${shots}/register-private.xlsx`);
  const secrets = [...ids, ...phones.map(String)];
  for (const file of ['register-private.csv', 'register-private.xlsx']) {
    await screen(`${shots}/${file}`, '2025-06-01');
    const marked = await page.$$eval('#columns-table tbody tr.ignored td:nth-child(4)', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(marked, ['身份证号码、电话号码：不读取、不保存、不写出', '身份证号码、电话号码：不读取、不保存、不写出'], file);
    assert.equal(await page.textContent('#counts'), '共 13 户：成功 12 户，有误 1 户');
    await page.fill('#overrides input[name=value]', '471');
    await page.click('#run-whatif');
    await page.waitForSelector('#whatif-table');
    const outputs = [await download('#download-csv'), await download('#download-summary'), await download('#download-xlsx')];
    // The workbook's text is inside a zip: read its cells back.
    writeFileSync(`${shots}/register-private-results.xlsx`, outputs[2].bytes);
    const book = JSON.stringify(await readExcelFile(`${shots}/register-private-results.xlsx`));
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    const storage = await page.evaluate(async () => {
      const cached = [];
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) cached.push(new URL(r.url).pathname);
      return { local: localStorage.length, session: sessionStorage.length, databases: (await indexedDB.databases()).length, cached };
    });
    // The one cache is the service worker's copy of the site's own files (sw.js lists them).
    const siteFiles = JSON.parse(/^const FILES = (\[.*\]);$/m.exec(readFileSync(`${root}dist/site/sw.js`, 'utf8'))[1]).map((f) => `/${f.replace(/^\.\//, '')}`);
    assert.deepEqual(storage.cached.filter((p) => !siteFiles.includes(p)), [], 'nothing but the site in the cache');
    assert.deepEqual({ ...storage, cached: undefined }, { local: 0, session: 0, databases: 0, cached: undefined });
    for (const s of secrets) {
      for (const o of outputs.slice(0, 2)) assert.ok(!o.bytes.toString('utf8').includes(s), `${s} in ${o.name}`);
      assert.ok(!book.includes(s), `${s} in the workbook`);
      assert.ok(!dom.includes(s), `${s} in the page`);
    }
    // What the tool gives for the register without those columns.
    assert.ok(outputs[0].bytes.equals(cli(['estimate', '--as-of', '2025-06-01', '--headers', 'zh', `${registers}/county/register.csv`])), file);
  }
});

test('axe: columns, results, errors, what-if and the period\'s end have no critical or serious violation; a phone scrolls nothing sideways', async () => {
  await page.click('#run-period');
  await page.waitForSelector('#period-table');
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.evaluate(axeSource);
  const found = [];
  for (const [w, h] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    found.push(...result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .flatMap((v) => v.nodes.map((n) => `${w}px ${v.id}: ${n.target.join(' ')}`)));
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]);
    assert.deepEqual(widths, [w, w, w], `${w}px wide`);
    // The 筛选 box stays inside its card.
    const [box, card] = await page.$eval('fieldset.filters', (f) => [f.getBoundingClientRect().right, f.closest('.card').getBoundingClientRect().right]);
    assert.ok(box <= card, `${w}px: 筛选 ends at ${box}, its card at ${card}`);
  }
  await page.screenshot({ path: `${shots}/register-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  assert.deepEqual(found, []);
});

test('the printed summary: the figures, the places and what they rested on, with the date and the parameter set', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#file'), false);
  assert.match(await page.textContent('#print-sheet'), /测算日期2025-06-01/);
  assert.match(await page.textContent('#print-sheet'), /参数黑龙江/);
  // Each programme's amount says what it is: premiums paid for the household are not cash.
  assert.match(await page.textContent('#print-sheet'), /分类资助参保资助缴费，不计入合计/);
  // The period's end, compared before the axe check, in one sentence: nothing in this register
  // changes on 2026-01-01 with the embedded parameters (分类资助参保 goes on, an assumption).
  assert.equal(await page.textContent('#print-period'), '2025-12-31 与 2026-01-01 对照：现金帮扶每年 22244.40 → 22244.40 元（0.00），0 户有变化。');
  // What the figures rested on, on a last page, as the command-line tool's printed summary ends.
  const basis = printedBasis();
  const paragraphs = await page.$$eval('#print-basis p', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(paragraphs, [basis.headings[0], basis.stale, basis.headings[1], basis.unofficial, basis.headings[2]]);
  assert.deepEqual(await page.$$eval('#print-basis li', (ls) => ls.map((l) => l.textContent.replace(/ /g, ''))), basis.assumptions);
  await page.pdf({ path: `${shots}/register-summary.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [`${shots}/register-summary.pdf`], { encoding: 'utf8' });
  // The figures, the towns and villages, the basis: a page each (the basis's page starts on a new one).
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 3, info);
});

test('cancel stops a screening, and the page goes on', async () => {
  const file = `${shots}/register-20000.csv`;
  writeFileSync(file, registerCsv(20000, 3));
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#columns-card:not([hidden])');
  await page.click('#start');
  await page.waitForFunction(() => Number(document.getElementById('progress').value) > 0);
  await page.click('#cancel');
  await page.waitForSelector('#progress-card', { state: 'hidden' });
  assert.equal(await page.textContent('#status'), '已取消测算。');
  assert.equal(await page.isVisible('#results-card'), false);
});

test('figures: a 50,000-household register (about 150,000 rows) read and screened in the page', async () => {
  const text = registerCsv(50000);
  const file = `${shots}/register-50000.csv`;
  writeFileSync(file, text);
  const f = await measure(page, file);
  figures['50,000 households'] = { rows: text.split('\n').length - 2, mib: +(text.length / 2 ** 20).toFixed(1), ...f };
  console.log(`# register page, 50,000 households: ${f.seconds.toFixed(2)} s, longest main-thread task ${f.longestTaskMs} ms, peak memory ${f.peakRssMiB} MiB (+${f.addedRssMiB} MiB while screening), module ${f.wasmMiB} MiB`);
  assert.equal(f.counts, '共 50000 户：成功 50000 户，有误 0 户');
  // The virtual table holds a few dozen rows, and scrolls to the last household.
  assert.ok(await page.$$eval('#results-table tbody tr', (rs) => rs.length) < 100);
  await page.$eval('#table-scroll', (s) => { s.scrollTop = s.scrollHeight; });
  await page.waitForFunction(() => [...document.querySelectorAll('#results-table tbody tr[data-line]')].at(-1)?.textContent.includes('H050000'));
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  for (const url of tab.requests) assert.ok(['127.0.0.1'].includes(new URL(url).hostname) || /^(blob|data):/.test(url), url);
  assert.ok(tab.requests.some((u) => u.endsWith('vendor/excel.js')), 'the Excel reader is part of the site');
  assert.deepEqual(tab.problems, []);
});
