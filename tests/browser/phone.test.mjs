// The page on a phone (390 × 844, touch): no horizontal scroll in any state, every field reachable
// and filled with a finger, the same figures as the package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { assertClean, assertFiguresMatch, exported, households, launch, serveSite, shots, stop, typeIn } from './helpers.mjs';

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
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assertClean({ requests, problems });
});
