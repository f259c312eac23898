// The pages on a phone (390 × 844, touch): no horizontal scroll in any state, every field reachable
// and filled with a finger, the same figures as the package; the totals in view wherever the officer
// is; the county page too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { readFileSync } from 'node:fs';
import { asOf, assertClean, assertFiguresMatch, exported, households, launch, root, serveSite, shots, stop, typeIn } from './helpers.mjs';

const engine = new PolicyEngine();
const viewport = { width: 390, height: 844 };
let server, browser, page;
const requests = [];
const problems = [];

before(async () => {
  server = await serveSite();
  browser = await launch();
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await stop(server?.proc);
});

/** Two frames drawn: what the page does on layout (a ResizeObserver's marks) is done. */
const frames = (p) => p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** The document is exactly as wide as the screen: nothing to scroll sideways. */
async function assertNoSideScroll(state) {
  const { doc, body, view } = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
  assert.equal(view, viewport.width);
  assert.equal(doc, viewport.width, `${state}: document ${doc} px wide`);
  assert.equal(body, viewport.width, `${state}: body ${body} px wide`);
}

test('the page as it opens fits the screen', async () => {
  await assertNoSideScroll('first estimate');
  await page.screenshot({ path: `${shots}/phone-390x844.png` });
});

test('every field of the form is on screen and can be tapped', async () => {
  await page.click('#add-member');
  await page.selectOption('[name=status]', 'monitored');
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const controls = await page.$$('#household-form input:not([type=file]), #household-form select, #household-form textarea, #household-form button, #household-form .file-button');
  assert.ok(controls.length > 50, `${controls.length} controls`);
  for (const c of controls) {
    await c.scrollIntoViewIfNeeded();
    const box = await c.boundingBox();
    const name = await c.evaluate((e) => e.id || e.name || e.textContent);
    assert.ok(box, `${name} is displayed`);
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `${name} within the screen: ${box.x}–${box.x + box.width}`);
    // Nothing covers it: the point at its centre is the control (or its label's text for a check box).
    const hit = await page.evaluate(({ x, y, id }) => {
      const e = document.elementFromPoint(x, y);
      return Boolean(e && (e.id === id || e.closest(`#${CSS.escape(id)}`) || e.htmlFor === id));
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2, id: await c.evaluate((e) => e.id || (e.id = `probe-${Math.random().toString(36).slice(2)}`)) });
    assert.ok(hit, `${name} is not covered`);
    // Large enough for a finger (check boxes are tapped through their labels).
    if (!(await c.evaluate((e) => e.type === 'checkbox'))) assert.ok(box.height >= 32, `${name} is ${box.height} px tall`);
  }
  await assertNoSideScroll('every fold open');
  await page.selectOption('[name=status]', 'general');
});

test('a six-member household typed in on the phone: the same figures as the package', async () => {
  await typeIn(page, households.six);
  const h = await exported(page);
  assert.deepEqual(h, households.six);
  await assertFiguresMatch(page, engine, h);
  await page.waitForSelector('#chart:not([data-pending])');
  await assertNoSideScroll('six members and their results');
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await assertNoSideScroll('steps and notices open');
  await page.screenshot({ path: `${shots}/phone-six-members.png`, fullPage: true });
});

test('the error state and the what-if table fit the screen', async () => {
  await page.fill('#members .member:nth-child(3) [name=birthDate]', '');
  await page.fill('[name="income.business"]', '九千');
  await page.waitForSelector('#problem-box:not([hidden])');
  await assertNoSideScroll('errors');
  await page.locator('#problem-box').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/phone-errors.png` });
  await page.fill('#members .member:nth-child(3) [name=birthDate]', '1941-11-20');
  await page.fill('[name="income.business"]', '9000');
  await page.waitForSelector('#problem-box', { state: 'hidden' });
  await page.fill('#what-if-form [name="dibao.standard.rural"]', '471');
  await page.click('#what-if-apply');
  await page.waitForSelector('#what-if-table:not([hidden])');
  await assertNoSideScroll('what-if table');
  // Readable: 项目 and 变化原因 a few characters wide, not one a line; the table scrolls sideways
  // inside its box, which says so.
  const widths = await page.$$eval('#what-if-table tbody tr', (rs) => rs.map((r) => [r.querySelector('th').getBoundingClientRect().width, r.querySelector('.why').getBoundingClientRect().width]));
  for (const [name, why] of widths) assert.ok(name >= 6 * 14 && why >= 10 * 14, `项目 ${name} px, 变化原因 ${why} px`);
  const box = await page.$eval('#what-if-scroll', (s) => ({ scrolls: s.scrollWidth > s.clientWidth, hint: getComputedStyle(s, '::before').content }));
  assert.ok(box.scrolls, 'the table scrolls sideways in its box');
  assert.match(box.hint, /左右滑动/);
  await page.locator('#what-if-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/phone-what-if.png` });
});

test('the totals follow the officer: a compact bar at the foot of the screen, the cards folded', async () => {
  // Afresh: the tests above opened every fold, and cards opened by hand stay open. The form holds a
  // household typed in, so the page asks before it goes: the officer confirms.
  page.once('dialog', (d) => d.accept());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await typeIn(page, households.sudden);
  const h = await exported(page);
  const est = engine.estimate(h, asOf);
  await page.waitForSelector('#mini-totals:not([hidden])');
  // Far down the form, the monthly, annual and one-off totals are on screen, and nothing else covers them.
  for (const sel of ['#stable-months', '#members .member:nth-child(3) [name=wages]', '#what-if-apply']) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    for (const key of ['totalMonthly', 'totalAnnual', 'totalOneOff']) {
      const figure = page.locator(`#mini-totals [data-key=${key}]`);
      assert.equal(await figure.textContent(), est[key], key);
      const box = await figure.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, `${key} on screen near ${sel}: ${JSON.stringify(box)}`);
    }
  }
  assert.equal(est.totalOneOff, '7938.00');
  // Printing is a tap away wherever the officer is.
  assert.ok(await page.isEnabled('#mini-print'));
  // The cards are folded to their figure and first reason until opened.
  const cards = await page.$$eval('#cards .card.program details.fold', (ds) => ds.map((d) => ({ open: d.open, gist: d.querySelector('.gist').textContent })));
  assert.ok(cards.length > 10 && cards.every((c) => !c.open), 'every card folded');
  const folded = await page.$eval('#cards', (c) => c.getBoundingClientRect().height);
  const dibao = est.programs.find((p) => p.program === 'dibao');
  assert.equal(await page.textContent('#card-dibao .gist'), `${dibao.monthly} 元/月；${dibao.reasons[0]}`);
  assert.match(await page.textContent('#card-temporary .gist'), /7938\.00 元/);
  await page.tap('#card-dibao summary');
  assert.ok(await page.$eval('#card-dibao details.fold', (d) => d.open));
  assert.ok(await page.isVisible('#card-dibao [data-key$=".monthly"]'));
  // An opened card stays open when the figures change.
  await page.fill('[name="income.business"]', '12000');
  await page.waitForFunction((before) => document.querySelector('#mini-totals [data-key=totalAnnual]')?.textContent !== before, est.totalAnnual);
  assert.ok(await page.$eval('#card-dibao details.fold', (d) => d.open));
  await assertNoSideScroll('folded cards and the bar');
  await page.screenshot({ path: `${shots}/phone-sticky-totals.png` });
  // Folded, the cards take a fraction of the height they take open.
  await page.$$eval('#cards details.fold', (ds) => ds.forEach((d) => { d.open = true; }));
  const open = await page.$eval('#cards', (c) => c.getBoundingClientRect().height);
  assert.ok(folded < open / 3, `cards ${folded} px folded, ${open} px open`);
});

test('with a field in error the bar marks its figures old and printing off, as the results above', async () => {
  // docs/page.md: until the form is fixed the results shown are marked 旧结果：与当前表单不一致.
  const before = await page.textContent('#mini-totals [data-key=totalAnnual]');
  await page.fill('#members .member:nth-child(1) [name=birthDate]', '2099-01-01');
  await page.waitForSelector('#results.outdated');
  assert.ok(await page.isVisible('#mini-stale'), 'the bar says its figures are old');
  assert.equal(await page.textContent('#mini-stale'), '旧结果：与当前表单不一致');
  assert.ok(await page.$eval('#mini-totals', (e) => e.classList.contains('outdated')));
  assert.equal(await page.$eval('#mini-figures', (e) => getComputedStyle(e).textDecorationLine), 'line-through');
  assert.equal(await page.textContent('#mini-totals [data-key=totalAnnual]'), before);
  assert.ok(await page.isDisabled('#mini-print'));
  await assertNoSideScroll('the bar marked old');
  await page.screenshot({ path: `${shots}/phone-stale-bar.png` });
  // Fixed, the mark goes.
  await page.fill('#members .member:nth-child(1) [name=birthDate]', '1975-01-01');
  await page.waitForSelector('#results:not(.outdated)');
  assert.ok(!(await page.isVisible('#mini-stale')));
  assert.ok(await page.isEnabled('#mini-print'));
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assertClean({ requests, problems });
});

// ---- the county page on the same phone ------------------------------------------------------------
test('the county page fits the phone, and 计算台账 and 计算指标 work by touch', async () => {
  const county = await page.context().newPage();
  const seen = [];
  county.on('console', (m) => { if (m.type() === 'error') seen.push(m.text()); });
  county.on('pageerror', (e) => seen.push(String(e)));
  await county.goto(`${server.url}county.html`);
  await county.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  const sideways = async (state) => {
    const { doc, body } = await county.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    assert.equal(doc, viewport.width, `${state}: county page ${doc} px wide`);
    assert.equal(body, viewport.width, `${state}: county page body ${body} px wide`);
  };
  await sideways('as it opens');
  const c = JSON.parse(readFileSync(`${root}tests/cases/assets-ledger-dozen.json`, 'utf8'));
  const [list, date] = c.args;
  await county.fill('#as-of', date);
  await county.tap('#ledger details > summary');
  await county.fill('#ledger-json', JSON.stringify(list));
  // A tap, as a finger gives it: the button itself takes it.
  await county.locator('#ledger-run').scrollIntoViewIfNeeded();
  await county.tap('#ledger-run');
  await county.waitForSelector('#ledger-table');
  assert.equal(await county.$$eval('#ledger-table tbody tr', (rs) => rs.length), list.length);
  await sideways('with the ledger');
  // The names a word wide, not one character a line; the table scrolls sideways in its box, which says so.
  const names = await county.$$eval('#ledger-table tbody td:nth-child(3)', (ts) => ts.map((t) => t.getBoundingClientRect().width));
  for (const w of names) assert.ok(w >= 6 * 14, `名称 ${w} px`);
  await frames(county);
  const ledger = await county.$eval('#ledger-table', (t) => { const s = t.parentElement; return { scrolls: s.scrollWidth > s.clientWidth, hint: getComputedStyle(s, '::before').content }; });
  assert.ok(ledger.scrolls);
  assert.match(ledger.hint, /左右滑动/);
  await county.fill('[name=year]', '2022');
  await county.fill('[name=thisYear]', '16800');
  await county.fill('[name=lastYear]', '15600');
  await county.fill('[name=provinceGrowth]', '6.5%');
  await county.locator('#indicators-run').scrollIntoViewIfNeeded();
  await county.tap('#indicators-run');
  await county.waitForSelector('#indicator-table');
  await sideways('with the indicators');
  // Every table wider than its box on this screen says, above it, that it scrolls sideways (the
  // page marks such a box when it is laid out: two frames later).
  await frames(county);
  const boxes = await county.$$eval('.table-scroll', (ss) => ss.filter((s) => s.offsetParent !== null)
    .map((s) => ({ table: s.querySelector('table')?.id, scrolls: s.scrollWidth > s.clientWidth, hint: getComputedStyle(s, '::before').content })));
  assert.ok(boxes.length >= 3, `${boxes.length} tables in boxes`);
  for (const box of boxes) if (box.scrolls) assert.match(box.hint, /左右滑动/, `${box.table} scrolls sideways without saying so`);
  await county.screenshot({ path: `${shots}/phone-county.png`, fullPage: true });
  assert.deepEqual(seen, []);
  await county.close();
});
