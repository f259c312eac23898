// The printed 测算单: for each test household (and one of six members), at most two A4 pages with
// the inputs, the totals, each programme's amount and reasons, the notices, the date and parameter
// set, and the signature lines. The PDF's text is read with pdftotext (Debian's poppler-utils).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { asOf, assertClean, households, launch, openPage, serveSite, shots, stop, typeIn } from './helpers.mjs';

const engine = new PolicyEngine();
let server, browser, tab, page;

before(async () => {
  server = await serveSite();
  browser = await launch();
  tab = await openPage(browser, server.url);
  page = tab.page;
});

after(async () => {
  await browser?.close();
  await stop(server?.proc);
});

/** pdftotext's text of a PDF, pages separated by form feeds. */
function pdfText(file) {
  // -raw keeps the content stream's order: a table cell's lines stay together.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const squash = (s) => s.replace(/\s+/g, '');

for (const name of ['unstable', 'sudden', 'marginal', 'six']) {
  test(`the printout of the ${name} household: at most two A4 pages, inputs and signature lines`, async () => {
    const h = households[name];
    await typeIn(page, h);
    await page.waitForFunction(() => !document.querySelector('#results').classList.contains('outdated') && !document.querySelector('#print').disabled);
    const file = `${shots}/print-${name}.pdf`;
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
    const text = pdfText(file);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    assert.ok(pages.length <= 2, `${pages.length} pages`);
    const flat = squash(text);
    const est = engine.estimate(h, asOf);
    // The household's own inputs.
    for (const m of h.members) {
      assert.ok(flat.includes(m.id), `member ${m.id}`);
      assert.ok(flat.includes(m.birthDate), `birth date ${m.birthDate}`);
      if (m.wages) assert.ok(flat.includes(m.wages), `wages ${m.wages}`);
    }
    // Each member's labour capacity as the rules judged it, with why, never the form's 按年龄判断.
    for (const m of est.programs.find((p) => p.program === 'tekun').members) {
      assert.ok(m.laborCapacityText && flat.includes(squash(m.laborCapacityText)), `capacity ${m.laborCapacityText}`);
    }
    assert.ok(!flat.includes('按年龄判断'));
    for (const v of Object.values(h.income ?? {})) assert.ok(flat.includes(`${v}元/年`), `income ${v}`);
    if (h.ref) assert.ok(flat.includes(h.ref));
    // The totals, each programme with its amount and reasons, the date and parameter set.
    assert.ok(flat.includes(`每月发放${est.totalMonthly}元/月`));
    assert.ok(flat.includes(`全年现金合计${est.totalAnnual}元/年`));
    for (const p of [est.monitoring, ...est.programs]) {
      assert.ok(flat.includes(p.label), p.label);
      if (p.monthly) assert.ok(flat.includes(`${p.monthly}元/月`), `${p.label} monthly`);
      const c = est.contributions.find((x) => x.program === p.program);
      // Paid once (临时救助): said so, not as a yearly amount.
      if (c && Number(c.oneOff)) assert.ok(flat.includes(`一次性发放${c.oneOff}元`), `${p.label} one-off`);
      else if (c && Number(c.cashAnnual)) assert.ok(flat.includes(`现金${c.cashAnnual}元/年`), `${p.label} cash`);
      for (const r of p.reasons) assert.ok(flat.includes(squash(r).slice(0, 12)), `${p.label}: ${r}`);
      for (const c of p.citations) assert.ok(flat.includes(c), `${p.label} cites ${c}`);
    }
    assert.ok(flat.includes(`测算日期${asOf}`));
    assert.match(flat, /参数集“黑龙江省过渡期帮扶政策默认参数（\d{4}-\d{2}-\d{2}，zhenxing/);
    if (est.stale.length) assert.ok(flat.includes('已超过更新周期'));
    // Lines to sign, on a page that says what is signed for: the household's date and totals.
    for (const line of ['经办人：', '审核人：', '日期：']) assert.ok(flat.includes(line), line);
    const signed = squash(pages.find((p) => squash(p).includes('经办人：')));
    assert.ok(signed.includes(`测算日期${asOf}`), 'the signed page has the date');
    assert.ok(signed.includes(`全年现金合计${est.totalAnnual}元/年`), 'the signed page has the totals');
    writeFileSync(`${shots}/print-${name}.txt`, text);
    console.log(`# ${name}: ${pages.length} page(s)`);
  });
}

test('on screen, the print sheet is not shown; in print, only it is', async () => {
  assert.ok(await page.isHidden('#print-sheet'));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-sheet'));
  assert.ok(await page.isHidden('#household-form'));
  await page.screenshot({ path: `${shots}/print-view.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('a sheet with nothing unofficial to note has no notes section, and no stray text', async () => {
  // Every household of the shipped parameters has stale figures to note; a parameter set with none
  // (a county's own, up to date) gives a basis with nothing in it.
  const text = await page.evaluate(async () => {
    // The household module's own entry (the page's copy is inside its joined script).
    const { default: init, PolicyEngine } = await import('./pkg/household/index.js');
    await init();
    const { renderPrintSheet } = await import('./print.js');
    const h = { region: '230129', members: [{ id: '户主', birthDate: '1980-01-01' }] };
    const engine = new PolicyEngine();
    const estimate = engine.estimate(h, '2023-06-01');
    engine.free();
    const node = document.createElement('div');
    const basis = { concerned: new Set(), stale: [], unofficial: [], assumptions: [] };
    renderPrintSheet(node, { household: h, estimate }, basis, { regionName: (code) => code, paramSet: '本县参数' });
    return { text: node.textContent, notes: node.querySelectorAll('.notes').length };
  });
  assert.equal(text.notes, 0);
  assert.doesNotMatch(text.text, /null|undefined/);
  assert.match(text.text, /经办人：/);
});

test('no request left 127.0.0.1 and the page logged no errors', () => {
  assertClean(tab);
});
