// Accessibility: axe-core (a pinned dev dependency) on the empty form, a filled household and the
// error state; the skip link; announcements once per change; focus when members come and go.
// axe is evaluated through the DevTools protocol (page.evaluate), which the page's CSP does not
// govern, so the page is tested under the very policy it ships with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assertClean, households, launch, openPage, serveSite, shots, stop, typeIn } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser, tab, page;
const report = {};

before(async () => {
  server = await serveSite();
  browser = await launch();
  tab = await openPage(browser, server.url);
  page = tab.page;
});

after(async () => {
  writeFileSync(`${shots}/axe.json`, `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
  await stop(server?.proc);
});

/** Open every fold (steps, notices, policy items, import) so axe sees all of it. */
async function openAll() {
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
}

/** axe's critical and serious violations, as "rule: selector" lines. */
async function axe(state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  report[state] = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

test('axe runs in the page under its CSP and finds a planted violation', async () => {
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'planted' })));
  const found = await axe('planted');
  await page.evaluate(() => document.getElementById('planted').remove());
  delete report.planted;
  assert.ok(found.some((v) => v.startsWith('label (critical): #planted')), found.join('\n'));
});

test('axe: the empty form has no critical or serious violation', async () => {
  await page.click('#new-household');
  await openAll();
  assert.deepEqual(await axe('empty form'), []);
});

test('axe: a filled household has no critical or serious violation', async () => {
  await typeIn(page, households.sudden);
  await page.waitForSelector('#chart:not([data-pending])');
  await openAll();
  assert.deepEqual(await axe('filled household'), []);
});

test('axe: the error state has no critical or serious violation', async () => {
  await page.fill('#members .member:nth-child(2) [name=birthDate]', '');
  await page.fill('[name=rigidSpending]', '4万');
  await page.waitForSelector('#problem-box:not([hidden])');
  await openAll();
  assert.deepEqual(await axe('error state'), []);
  await page.fill('#members .member:nth-child(2) [name=birthDate]', '1975-01-01');
  await page.fill('[name=rigidSpending]', '40000');
  await page.waitForSelector('#problem-box', { state: 'hidden' });
});

test('axe: the phone layout has no critical or serious violation', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await axe('phone'), []);
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('every control has a name a screen reader reads', async () => {
  const unnamed = await page.$$eval('#household-form input, #household-form select, #household-form textarea, #what-if-form input', (cs) =>
    cs.filter((c) => !c.labels?.length && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')).map((c) => c.id || c.name));
  assert.deepEqual(unnamed, []);
  assert.equal(await page.$$eval('th:empty, [role=columnheader]:empty', (els) => els.length), 0, 'no empty table header');
  assert.equal(await page.$$eval('[role=alert]', (els) => els.length), 0, 'nothing re-announces on every keystroke');
});

test('a skip link, first in the tab order, leads to the results', async () => {
  const fresh = await openPage(browser, server.url);
  await fresh.page.keyboard.press('Tab');
  assert.equal(await fresh.page.evaluate(() => document.activeElement.textContent), '跳到测算结果');
  assert.ok(await fresh.page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'visible when focused');
  await fresh.page.keyboard.press('Enter');
  assert.equal(await fresh.page.evaluate(() => document.activeElement.id), 'results-title');
  assertClean(fresh);
  await fresh.page.close();
});

test('the total is announced once per change, after typing settles', async () => {
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(document.getElementById('announce').textContent))
      .observe(document.getElementById('announce'), { childList: true, characterData: true, subtree: true });
  });
  const wages = '#members .member:nth-child(1) [name=wages]';
  await page.fill(wages, '');
  await page.type(wages, '36000', { delay: 60 });
  await page.waitForTimeout(1500);
  const said = await page.evaluate(() => window.__said);
  assert.equal(said.length, 1, `announced ${JSON.stringify(said)}`);
  const total = await page.$eval('#totals [data-key=totalMonthly]', (e) => e.firstChild.textContent);
  assert.match(said[0], new RegExp(`每月发放 ${total} 元`));
  // The same figures again say nothing new.
  await page.fill(wages, '3600');
  await page.fill(wages, '36000');
  await page.waitForTimeout(1500);
  assert.equal((await page.evaluate(() => window.__said)).length, 1);
  await page.fill(wages, '');
});

test('focus follows members as they are added and removed', async () => {
  await page.click('#add-member');
  const cards = () => page.$$eval('#members .member', (cs) => cs.map((c) => c.dataset.uid));
  let uids = await cards();
  assert.equal(await page.evaluate(() => document.activeElement.closest('.member')?.dataset.uid), uids.at(-1));
  assert.equal(await page.evaluate(() => document.activeElement.name), 'id');
  assert.match(await page.textContent('#announce'), /已添加第4位成员/);
  // Removing the second member puts focus on the one that takes its place.
  await page.click('#members .member:nth-child(2) .remove');
  uids = await cards();
  assert.equal(uids.length, 3);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.member')?.dataset.uid), uids[1]);
  assert.match(await page.textContent('#announce'), /已删除第2位成员（妻子），现有 3 位成员/);
  // The remove buttons say whom they remove.
  assert.deepEqual(await page.$$eval('#members .remove', (bs) => bs.map((b) => b.textContent)), ['删除第1位成员（户主）', '删除第2位成员（儿子）', '删除第3位成员']);
  await page.click('#members .member:nth-child(3) .remove');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.member')?.dataset.uid), uids[1]);
});

test('⚠ is explained in visible words and read out', async () => {
  await typeIn(page, households.sudden);
  const marked = await page.$$eval('#results .unofficial-figure', (els) => els.map((e) => e.textContent));
  assert.ok(marked.length > 0);
  for (const text of marked) assert.match(text, /^⚠（含参考值）$/);
  assert.ok(await page.isVisible('#totals .legend'));
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assertClean(tab);
});
