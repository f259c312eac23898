// Importing a household's JSON: read by the engine's strict reader, every problem shown at its
// field, stale results cleared on any failure, absurd sizes refused before the form is built, check
// boxes never set from strings, and no input that throws in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { asOf, assertClean, assertFiguresMatch, exported, households, launch, openPage, serveSite, stop } from './helpers.mjs';

const engine = new PolicyEngine();
let server, browser, tab, page;

before(async () => {
  server = await serveSite();
  browser = await launch();
  tab = await openPage(browser, server.url);
  page = tab.page;
  await page.fill('#as-of', asOf);
  await page.click('details.io > summary');
});

after(async () => {
  await browser?.close();
  await stop(server?.proc);
});

async function importText(text) {
  await page.$eval('#household-json', (t, v) => { t.value = v; }, text);
  await page.click('#import');
}

/** A good household first, so there are results a failed import must clear. */
async function importGood() {
  await importText(JSON.stringify(households.sudden));
  await page.waitForSelector('#result-body:not([hidden])');
  assert.ok(await page.$$eval('#results [data-key]', (els) => els.length) > 10);
}

async function assertCleared() {
  assert.ok(await page.isHidden('#result-body'), 'the previous household\'s results are gone');
  assert.equal(await page.$$eval('#totals [data-key]', (els) => els.length), 0);
  assert.ok(await page.isVisible('#import-problems'));
}

test('a household file read through the upload button gives the package\'s figures', async () => {
  await page.setInputFiles('#upload', { name: 'household.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(households.marginal)) });
  await page.waitForFunction(() => document.querySelector('#members .member [name=id]').value === '老伴甲');
  assert.deepEqual(await exported(page), households.marginal);
  await assertFiguresMatch(page, engine, households.marginal);
});

test('a field written twice in the file is a problem at that field, not the last value silently', async () => {
  await importGood();
  // JSON.parse would keep wages 99999 and give figures for a household the file does not describe.
  const text = JSON.stringify(households.sudden).replace('"birthDate"', '"wages":"1","wages":"99999","birthDate"');
  assert.equal(JSON.parse(text).members[0].wages, '99999');
  await importText(text);
  await assertCleared();
  const listed = await page.$$eval('#import-problems li', (ls) => ls.map((l) => l.textContent));
  assert.equal(listed.length, 1, listed.join(' / '));
  assert.match(listed[0], /第1位成员.*本人年工资/);
  assert.equal(await page.getAttribute('#members .member:nth-child(1) [name=wages]', 'aria-invalid'), 'true');
});

test('every problem of an import, at its field, in an officer\'s words; results cleared', async () => {
  await importGood();
  const bad = structuredClone(households.sudden);
  bad.members[0].wages = '12.345';
  bad.members[1].seriousIllness = 'false';
  bad.members[2].wage = '100';
  bad.income.business = 'abc';
  await importText(JSON.stringify(bad));
  await assertCleared();
  const listed = await page.$$eval('#import-problems li', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(listed, [
    '第1位成员（户主）的本人年工资有误：金额最多保留两位小数（精确到分）',
    '第2位成员（妻子）的患重病有误：“患重病”应为 是 或 否',
    '第3位成员（儿子）：未知字段“wage”（是否应为“本人年工资”？）',
    '家庭经营净收入有误：金额“abc”不是有效的数字（应为如 1234.50 的十进制数）',
  ]);
  // At the fields the form has; the string "false" never ticks a box.
  assert.equal(await page.getAttribute('#members .member:nth-child(1) [name=wages]', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#members .member:nth-child(2) [name=seriousIllness]', 'aria-invalid'), 'true');
  assert.equal(await page.isChecked('#members .member:nth-child(2) [name=seriousIllness]'), false);
  assert.equal(await page.getAttribute('[name="income.business"]', 'aria-invalid'), 'true');
  assert.equal(await page.$$eval('#problem-box li', (ls) => ls.length), 4);
  // The officer mends the fields; the unknown field was never in the form.
  await page.fill('#members .member:nth-child(1) [name=wages]', '');
  await page.check('#members .member:nth-child(2) [name=seriousIllness]');
  await page.fill('[name="income.business"]', '18000');
  await page.waitForSelector('#result-body:not([hidden])');
  assert.ok(await page.isHidden('#import-problems'));
  await assertFiguresMatch(page, engine, households.sudden);
});

test('a value the form cannot show keeps the engine\'s reason, not "not filled in"', async () => {
  await importText('{"region":"999999","members":[{"birthDate":"2023-02-29"}]}');
  const listed = await page.$$eval('#import-problems li', (ls) => ls.map((l) => l.textContent));
  assert.equal(listed.length, 2, listed.join(' / '));
  assert.match(listed[0], /有误：未知的行政区划代码“999999”/);
  assert.match(listed[1], /第1位成员的出生日期有误：日期“2023-02-29”不存在/);
  assert.ok(listed.every((l) => !/未选择|未填写/.test(l)), listed.join(' / '));
});

test('check boxes are never set from "false", "no", 1 or "true" strings', async () => {
  const h = structuredClone(households.unstable);
  h.members[1].boarding = 'no';
  h.members[0].seriousIllness = 1;
  h.assetTestPassed = 'false';
  h.members[0].hasSupporter = 'true';
  await importText(JSON.stringify(h));
  await assertCleared();
  assert.equal(await page.isChecked('#members .member:nth-child(2) [name=boarding]'), false);
  assert.equal(await page.isChecked('#members .member:nth-child(1) [name=seriousIllness]'), false);
  assert.equal(await page.isChecked('[name=assetTestPassed]'), true, 'left at its default');
  assert.equal(await page.isChecked('#members .member:nth-child(1) [name=hasSupporter]'), true, 'left at its default');
  assert.equal(await page.$$eval('#import-problems li', (ls) => ls.length), 4);
});

for (const [what, text, message] of [
  ['null', 'null', /一户家庭的数据/],
  ['a number', '5', /一户家庭的数据/],
  ['a list', '[]', /一户家庭的数据/],
  ['a string', '"x"', /一户家庭的数据/],
  ['members that are not a list', '{"members": 5}', /成员列表/],
  ['text that is not JSON', '{"region": "230129",', /不是有效的 JSON/],
  ['an empty text', '', /不是有效的 JSON/],
  ['an empty object', '{}', /地区未选择|家庭成员/],
  ['a member that is not an object', '{"region":"230129","members":[5]}', /第1位成员/],
]) {
  test(`importing ${what} gives a message, clears the results, throws nothing`, async () => {
    await importGood();
    const errors = tab.problems.length;
    await importText(text);
    await assertCleared();
    assert.match(await page.textContent('#import-problems'), message);
    assert.equal(tab.problems.length, errors, 'no uncaught error in the page');
  });
}

test('5,000 members are refused before a single card is built', async () => {
  await importGood();
  const big = { region: '230129', members: Array.from({ length: 5000 }, (_, i) => ({ id: `成员${i}`, birthDate: '1980-01-01' })) };
  const started = Date.now();
  await importText(JSON.stringify(big));
  await page.waitForSelector('#import-problems:not([hidden])');
  const ms = Date.now() - started;
  await assertCleared();
  assert.match(await page.textContent('#import-problems'), /最多 30 人，导入的数据有 5000 人/);
  assert.equal(await page.$$eval('#members .member', (cs) => cs.length), 3, 'the form as it was');
  console.log(`# 5,000 members refused in ${ms} ms`);
});

test('more than 1 MB of text is refused before it is read, pasted or uploaded', async () => {
  await importGood();
  const huge = JSON.stringify({ region: '230129', members: [{ birthDate: '1980-01-01', id: 'x'.repeat(1_100_000) }] });
  await importText(huge);
  await assertCleared();
  assert.match(await page.textContent('#import-problems'), /超过 1 MB/);
  await importGood();
  await page.setInputFiles('#upload', { name: 'register.json', mimeType: 'application/json', buffer: Buffer.alloc(2_000_000, 0x20) });
  await page.waitForSelector('#result-body', { state: 'hidden' });
  assert.match(await page.textContent('#import-problems'), /register\.json.*超过 1 MB/);
});

test('a good import after a failed one computes again', async () => {
  await importText(JSON.stringify(households.unstable));
  await page.waitForSelector('#result-body:not([hidden])');
  assert.ok(await page.isHidden('#import-problems'));
  assert.ok(await page.isHidden('#problem-box'));
  await assertFiguresMatch(page, engine, households.unstable);
});

test('the downloaded file is the household as entered, and imports back', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  // Named after the household's first member (it has no ref) and the date.
  assert.equal(download.suggestedFilename(), `家庭-父亲-${await page.inputValue('#as-of')}.json`);
  const saved = readFileSync(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(saved), households.unstable);
  await page.setInputFiles('#upload', { name: 'household.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await page.waitForSelector('#result-body:not([hidden])');
  await assertFiguresMatch(page, engine, households.unstable);
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assertClean(tab);
});
