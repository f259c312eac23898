// The staff page: read the form, call the engine, show what it returns. No policy logic here.
import init, { PolicyEngine, PolicyError, policyItems } from './pkg/index.js';
import { addMember, fillHousehold, readHousehold, setRegions } from './form.js';
import { context, el, openCitedItem, renderCards, renderPolicyItems, renderSummary, renderTransition } from './results.js';
import { drawCurve } from './chart.js';

const $ = (id) => document.getElementById(id);
let engine;
let regions = [];
let last = null; // { household, asOf, estimate }

function fillRegions() {
  regions = engine.regions();
  setRegions(regions);
  const select = $('region');
  select.querySelector('option').textContent = '请选择县（市、区）';
  const counties = new Map();
  for (const r of regions.filter((r) => r.level === 'county')) {
    if (!counties.has(r.parent)) counties.set(r.parent, []);
    counties.get(r.parent).push(r);
  }
  for (const city of regions.filter((r) => r.level === 'prefecture')) {
    const group = el('optgroup', { label: city.name }, el('option', { value: city.code }, `${city.name}（市级）`));
    for (const c of counties.get(city.code) ?? []) group.append(el('option', { value: c.code }, c.alleviatedCounty ? `${c.name}（脱贫县）` : c.name));
    select.append(group);
  }
}

function showError(e) {
  for (const bad of document.querySelectorAll('.invalid')) bad.classList.remove('invalid');
  const box = $('error');
  if (e instanceof PolicyError) {
    box.textContent = `${e.message}${e.path ? `（${e.path}）` : ''} [${e.code}]`;
    const field = fieldFor(e.path);
    if (field) field.classList.add('invalid');
  } else {
    box.textContent = `出错：${e}`;
  }
  box.hidden = false;
}

/** The form control an error path points to, e.g. members[1].birthDate. */
function fieldFor(path) {
  const m = /^members\[(\d+)\]\.(\w+)/.exec(path ?? '');
  if (m) return document.querySelectorAll('#members tr.member')[Number(m[1])]?.querySelector(`[name=${m[2]}]`);
  return path ? $('household-form').elements.namedItem(path) : null;
}

/** Non-wage income of a household (the curve's axis). */
function nonWageIncome(h) {
  return ['business', 'property', 'transfer', 'other'].reduce((sum, k) => sum + Number(h.income?.[k] ?? 0), 0);
}

function render() {
  const form = $('household-form');
  const household = readHousehold(form);
  const asOf = $('as-of').value;
  let estimate;
  try {
    estimate = engine.estimate(household, asOf);
  } catch (e) {
    $('results').hidden = true;
    showError(e);
    return;
  }
  $('error').hidden = true;
  for (const bad of document.querySelectorAll('.invalid')) bad.classList.remove('invalid');
  last = { household, asOf, estimate };
  renderSummary(estimate, $('summary'));
  renderTransition(estimate.transition, document);
  renderCards(estimate, $('cards'));
  drawChart(household, asOf, estimate);
  const region = regions.find((r) => r.code === household.region);
  $('print-head').textContent = `测算日期 ${asOf}　地区 ${region?.name ?? household.region}　家庭成员 ${household.members.length} 人　（本测算单依据公开政策与参数计算，以主管部门审核为准）`;
  $('what-if-table').hidden = true;
  $('results').hidden = false;
}

function drawChart(household, asOf, estimate) {
  const here = nonWageIncome(household);
  const dibao = estimate.programs.find((p) => p.program === 'dibao');
  const yearLine = Number(dibao.standard) * 12 * household.members.length;
  const to = Math.ceil(Math.max(here * 2, yearLine * 2, 12000) / 1000) * 1000;
  const step = Math.max(1, Math.round(to / 40));
  try {
    const curve = engine.incomeCurve(household, asOf, { from: '0', to: String(to), step: String(step) });
    const atHere = here <= to ? estimate.totalAnnual : curve.points.at(-1).totalAnnual;
    drawCurve($('chart'), curve, String(Math.min(here, to)), atHere);
    Object.assign($('chart').dataset, { from: '0', to: String(to), step: String(step) });
    $('cliffs').replaceChildren(...curve.cliffs.map((c) => el('li', { 'data-cliff': c.fromIncome }, c.text)),
      ...curve.rises.map((r) => el('li', { 'data-rise': r.fromIncome, class: 'rise' }, r.text)));
  } catch (e) {
    showError(e);
  }
}

function whatIf(event) {
  event.preventDefault();
  if (!last) return;
  const overrides = {};
  for (const input of $('what-if-form').querySelectorAll('input')) {
    if (input.value.trim() !== '') overrides[input.name] = input.value.trim();
  }
  try {
    const other = engine.withOverrides(overrides);
    const c = engine.compare(last.household, last.asOf, other);
    $('what-if-table').querySelector('tbody').replaceChildren(...c.programs.map((p, i) => el('tr', { 'data-program': p.program },
      el('th', {}, p.label), el('td', { 'data-key': `programs[${i}].baseline` }, p.baseline), el('td', { 'data-key': `programs[${i}].alternative` }, p.alternative),
      el('td', { 'data-key': `programs[${i}].difference`, class: p.difference.startsWith('-') ? 'down' : 'up' }, p.difference))));
    const cells = $('what-if-table').querySelectorAll('tfoot td');
    cells[0].textContent = c.baseline.totalAnnual;
    cells[1].textContent = c.alternative.totalAnnual;
    $('what-if-total').textContent = c.totalDifference;
    $('what-if-total').dataset.key = 'totalDifference';
    $('what-if-table').hidden = false;
    $('error').hidden = true;
  } catch (e) {
    showError(e);
  }
}

function exportJson() {
  $('household-json').value = JSON.stringify(readHousehold($('household-form')), null, 2);
}

function importJson(text) {
  let h;
  try {
    h = JSON.parse(text);
  } catch {
    showError('导入的内容不是有效的 JSON');
    return;
  }
  fillHousehold($('household-form'), h);
  render();
}

async function main() {
  await init();
  engine = new PolicyEngine();
  // The quoted text of each item ships beside the page; the titles come from the module.
  const texts = await fetch('policy-text.json').then((r) => (r.ok ? r.json() : { items: [] })).catch(() => ({ items: [] }));
  const quoted = new Map(texts.items.map((t) => [t.citation, t.text]));
  const items = policyItems().map((item) => ({ ...item, text: quoted.get(item.citation) }));
  items.forEach((item, i) => { context.titles.set(item.citation, `${item.title}${item.text ? `：${item.text.slice(0, 120)}…` : ''}`); context.anchors.set(item.citation, `policy-${i}`); });
  window.addEventListener('hashchange', openCitedItem);
  for (const p of engine.parameters()) context.params.set(p.name, p);
  renderPolicyItems(items, $('policy-items'));
  fillRegions();
  const today = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  $('as-of').value = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  $('region').value = '230129';
  addMember({ id: '成员1', birthDate: '1980-01-01' });
  const form = $('household-form');
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('add-member').addEventListener('click', () => { addMember(); });
  $('new-household').addEventListener('click', () => {
    fillHousehold(form, { region: $('region').value, members: [{ id: '成员1' }] });
    render();
  });
  $('what-if-form').addEventListener('submit', whatIf);
  $('export').addEventListener('click', exportJson);
  $('import').addEventListener('click', () => importJson($('household-json').value));
  $('upload').addEventListener('change', async (e) => { const f = e.target.files?.[0]; if (f) importJson(await f.text()); });
  $('download').addEventListener('click', () => {
    exportJson();
    const url = URL.createObjectURL(new Blob([$('household-json').value], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'household.json' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $('print').addEventListener('click', () => window.print());
  $('param-set').textContent = '参数：内置黑龙江默认参数集（每个数值附来源与可信度；依据非官方数值的金额标有 ⚠）。';
  $('status').textContent = '已就绪：修改任何一项即时重新计算。';
  document.body.dataset.ready = 'true';
  render();
}

main().catch((e) => { $('status').textContent = '计算模块加载失败'; showError(e); });
