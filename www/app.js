// @ts-check
// The staff page: read the form, call the engine, show what it returns. No policy logic here.
// The household module (zhenxing/household, the smaller one) answers the first estimate and every
// household call and the income curve; the full module (zhenxing/web) is loaded when a what-if first
// needs it.
import init, { PolicyEngine, PolicyError, labels, policyItems, version } from './pkg/household/index.js';
import { MAX_MEMBERS, addMember, fillHousehold, memberTitle, readHousehold, renumber, setupForm } from './form.js';
import { clearMarks, describe, evaluate, markFields, setVocabulary } from './problems.js';
import { amountLabel, basisOf, context, el, openCitedItem, renderCards, renderNotice, renderPolicyItems, renderSummary, renderTransition } from './results.js';
import { renderPrintSheet } from './print.js';
import { drawCurve } from './chart.js';

/**
 * The page's element with this id. Which kind it is (an input, a form, a table) is the page's HTML's
 * to say: the fields of its kind (value, elements, tBodies) are not checked, an element's are.
 * @param {string} id
 * @returns {HTMLElement & Record<string, any>}
 */
const $ = (id) => /** @type {HTMLElement & Record<string, any>} */ (document.getElementById(id));
/** Imports larger than this are refused before they are read: a household's JSON is a few KB. */
const MAX_IMPORT_BYTES = 1_000_000;
/** @type {PolicyEngine} */
let engine;
/** @type {Promise<import('./pkg/index.js').PolicyEngine> | undefined} */
let fullLoad;

/**
 * The full module's engine (the what-ifs and the parameter catalogue), on the same
 * embedded parameter set as the household module's: imported when first asked for, then kept. A
 * failed load is tried again at the next request.
 */
function fullEngine() {
  if (!fullLoad) {
    fullLoad = import('./pkg/index.js').then(async (full) => {
      await full.default({ module_or_path: new URL('pkg/zhenxing_bg.wasm', import.meta.url) });
      const e = new full.PolicyEngine();
      for (const p of e.parameters()) context.params.set(p.name, p);
      return e;
    });
    fullLoad.catch(() => { fullLoad = undefined; });
  }
  return fullLoad;
}

/**
 * The full engine for a what-if, with 正在加载… shown while it loads (the first time only); a load
 * that fails is said in the what-if's error line.
 * @returns {Promise<import('./pkg/index.js').PolicyEngine | null>}
 */
async function whatIfEngine() {
  const loading = $('what-if-loading');
  loading.hidden = false;
  try {
    return await fullEngine();
  } catch (e) {
    $('what-if-table').hidden = true;
    console.error(e);
    $('what-if-error').textContent = '比较功能所需的计算模块未能加载，请检查网络后再试。';
    $('what-if-error').hidden = false;
    return null;
  } finally {
    loading.hidden = true;
  }
}
let regions = [];
let paramSet = '';
let form;
/** The last household that computed: { household, asOf, estimate, basis }. Cleared for a new household. */
/** The household last shown, its date, estimate and basis (what the print sheet and the what-if read). @type {{ household: any, asOf: string, estimate: any, basis: any } | null} */
let last = null;
/** The example household the page opens with (as JSON), so that its result is labelled as such. */
let example = null;
let firstEstimate = false;
/** The form's household as the page last set it (the example, or a cleared form), as JSON. */
let pristine = '';
/** The form's household, as typed, as JSON (to tell whether the officer changed it). */
const typedJson = () => JSON.stringify(readHousehold(form));

/**
 * Before leaving (F5, closing the tab): warn when the form holds a household the officer typed or
 * imported. Nothing is stored in the browser (shared office computers), so leaving loses it.
 */
function warnBeforeLeaving(e) {
  if (!form || typedJson() === pristine) return;
  e.preventDefault();
  e.returnValue = '';
}

const regionName = (code) => regions.find((r) => r.code === code)?.name ?? code;

// ---- Announcements: one polite region, spoken once per change, after typing settles.
let announceTimer;
let announced = '';
function announce(text, { now = false } = {}) {
  clearTimeout(announceTimer);
  const say = () => {
    if (text === announced) return;
    announced = text;
    $('announce').textContent = text;
  };
  if (now) say(); else announceTimer = setTimeout(say, 900);
}

function totalsSentence(est) {
  const oneOff = Number(est.totalOneOff) ? `，一次性发放 ${est.totalOneOff} 元` : '';
  return `测算结果：每月发放 ${est.totalMonthly} 元${oneOff}，全年现金合计 ${est.totalAnnual} 元。`;
}

// ---- Problems: at their fields and listed above the totals.
function showProblems(described, { heading }) {
  markFields(form, described);
  const box = $('problem-box');
  const outdated = last !== null;
  box.replaceChildren(
    el('h3', { id: 'problem-title' }, heading),
    el('p', {}, outdated ? '下方是上次有效输入的测算结果，与当前表单不一致；改好后自动更新。' : '改好后显示测算结果。'),
    el('ul', {}, ...described.map((d) => el('li', {}, d.control?.id
      ? el('a', { href: `#${d.control.id}`, 'data-focus': d.control.id }, d.text)
      : d.text))));
  box.hidden = false;
  $('results').classList.toggle('outdated', outdated);
  markMiniTotals(outdated);
  $('print').disabled = true;
  $('mini-print').disabled = true;
  $('print-hint').textContent = '表单有误，改好后才能打印。';
}

function clearProblems() {
  clearMarks(form);
  $('problem-box').hidden = true;
  $('problem-box').replaceChildren();
  $('results').classList.remove('outdated');
  markMiniTotals(false);
  $('print').disabled = false;
  $('mini-print').disabled = false;
  $('print-hint').textContent = 'A4 纸，最多两页，附经办人、审核人签字栏。';
}

/** Forget the shown result (a new household, a failed import): another family's figures must not stay. */
function clearResults() {
  last = null;
  lastKey = '';
  $('result-body').hidden = true;
  $('totals').replaceChildren(el('p', { class: 'hint' }, '填写家庭信息后，这里显示测算结果。'));
  $('print-sheet').replaceChildren();
  $('results').classList.remove('outdated');
  $('example-note').hidden = true;
  $('mini-totals').hidden = true;
  markMiniTotals(false);
}

/** The phone's compact totals, kept in view at the foot of the screen (style.css). */
function showMiniTotals(est) {
  const part = (label, key, unit) => el('span', { class: 'mini-part' }, `${label} `, el('strong', { 'data-key': key }, est[key]), ` ${unit}`);
  $('mini-figures').replaceChildren(part('每月', 'totalMonthly', '元'), part('全年', 'totalAnnual', '元'),
    Number(est.totalOneOff) ? part('一次性', 'totalOneOff', '元') : '');
  $('mini-totals').hidden = false;
}

/** The bar's figures marked old, as the results above are, while the form is in error. */
function markMiniTotals(outdated) {
  $('mini-totals').classList.toggle('outdated', outdated);
  $('mini-stale').hidden = !outdated;
}

/** What was last computed, so the input and change events of one edit compute once. */
let lastKey = '';

/** The transition status of the date and region, even when the household is not yet complete. */
function showTransition(asOf, region) {
  try {
    renderTransition(engine.transition(asOf, region || undefined), document);
    $('transition-card').hidden = false;
  } catch {
    // a date the engine refuses: the problem is shown at the date field
  }
}

/**
 * The form as a household, through the engine's reader for forms: money typed as an officer writes
 * it ("12,000", "3,000元", full-width digits) is normalised there, once, as for any portal's form.
 * What it cannot read is left as typed, for the estimate to name at its field.
 */
function formHousehold(asOf) {
  const typed = readHousehold(form);
  try {
    return engine.readForm(typed, asOf).household ?? typed;
  } catch {
    return typed;
  }
}

function render() {
  const asOf = $('as-of').value;
  const household = formHousehold(asOf);
  const key = JSON.stringify([household, asOf]);
  if (key === lastKey) return;
  lastKey = key;
  showTransition(asOf, household.region);
  // A prefecture is accepted (the province's figures apply), but the standards are set by county.
  $('region-prompt').hidden = regions.find((r) => r.code === household.region)?.level !== 'prefecture';
  let out;
  try {
    out = evaluate(engine, household, asOf, '230000');
  } catch (e) {
    fatal(e);
    return;
  }
  if (out.problems) {
    const described = out.problems.map((p) => describe(form, p));
    showProblems(described, { heading: `表单有 ${described.length} 处需要修改` });
    announce(`表单有 ${described.length} 处需要修改：${described[0].text}`);
    return;
  }
  $('import-problems').hidden = true;
  clearProblems();
  show(household, asOf, out.estimate);
  announce(totalsSentence(out.estimate));
}

function show(household, asOf, estimate) {
  const inForce = (name) => {
    try { return engine.parameterValue(name, asOf, household.region); } catch { return null; }
  };
  const basis = basisOf(estimate, inForce);
  last = { household, asOf, estimate, basis };
  // The household the page opens with is nobody's: said above its result and on its printout.
  if (example === undefined || example === null) example = JSON.stringify(household);
  const isExample = JSON.stringify(household) === example;
  $('example-note').hidden = !isExample;
  renderSummary(estimate, $('totals'), basis);
  renderNotice(basis, $('notice'));
  renderCards(estimate, $('cards'), basis);
  showMiniTotals(estimate);
  scheduleChart(household, asOf, estimate);
  renderPrintSheet($('print-sheet'), last, basis, { regionName, paramSet, example: isExample });
  $('what-if-table').hidden = true;
  $('what-if-other').hidden = true;
  $('what-if-error').hidden = true;
  $('result-body').hidden = false;
  if (!firstEstimate) {
    firstEstimate = true;
    performance.mark('zx-first-estimate');
  }
}

/** Non-wage income of a household (the curve's axis). */
function nonWageIncome(h) {
  return ['business', 'property', 'transfer', 'other'].reduce((sum, k) => sum + Number(h.income?.[k] ?? 0), 0);
}

/**
 * The curve asks the engine for forty estimates: it is drawn once typing pauses, so each keystroke
 * shows its totals at once. #chart carries data-pending until it matches the totals above.
 */
let chartTimer;
/** The latest chart asked for: a curve that arrives after a newer one was asked for is not drawn. */
let chartRun = 0;
function scheduleChart(household, asOf, estimate) {
  clearTimeout(chartTimer);
  const run = ++chartRun;
  $('chart').dataset.pending = 'true';
  chartTimer = setTimeout(() => {
    if (run !== chartRun) return;
    drawChart(household, asOf, estimate);
    delete $('chart').dataset.pending;
  }, firstChart ? 0 : 300);
  firstChart = false;
}
let firstChart = true;

function drawChart(household, asOf, estimate) {
  const here = nonWageIncome(household);
  const standard = Number(estimate.programs.find((p) => p.program === 'dibao')?.standard ?? 0);
  const yearLine = standard * 12 * household.members.length;
  const to = Math.ceil(Math.max(here * 2, yearLine * 2, 12000) / 1000) * 1000;
  const step = Math.max(1, Math.round(to / 40));
  try {
    const curve = engine.incomeCurve(household, asOf, { from: '0', to: String(to), step: String(step) });
    const atHere = here <= to ? estimate.totalAnnual : curve.points[curve.points.length - 1].totalAnnual;
    drawCurve($('chart'), curve, String(Math.min(here, to)), atHere);
    Object.assign($('chart').dataset, { from: '0', to: String(to), step: String(step) });
    $('cliffs').replaceChildren(...curve.cliffs.map((c) => el('li', { 'data-cliff': c.fromIncome }, c.text)),
      ...curve.rises.map((r) => el('li', { 'data-rise': r.fromIncome, class: 'rise' }, r.text)));
    $('chart-card').hidden = false;
  } catch {
    $('chart-card').hidden = true; // the curve is an aid; the estimate above stands without it
  }
}

/**
 * A comparison (`engine.compare` or `engine.compareDates`) in the what-if table: each programme's cash
 * in the year on both sides (one-off amounts included, and said so), so the rows add up to the cash
 * total under them, and why it changed. What is not cash is summed below, with each programme with
 * no cash either way that changed and its reason: a row of zeros in the cash table read as a
 * contradiction.
 */
function showComparison(c, caption, [before, after]) {
  const table = $('what-if-table');
  /** @type {HTMLElement} */ (table.querySelector('caption')).textContent = caption;
  $('what-if-before').textContent = before;
  $('what-if-after').textContent = after;
  const rows = c.programs.map((p, i) => [p, i]).filter(([p]) => Number(p.baseline) !== 0 || Number(p.alternative) !== 0);
  const others = c.programs.filter((p) => Number(p.baseline) === 0 && Number(p.alternative) === 0 && p.why.length > 0);
  /** @type {HTMLElement} */ (table.querySelector('tbody')).replaceChildren(...rows.map(([p, i]) => el('tr', { 'data-program': p.program },
    el('th', { scope: 'row' }, amountLabel([c.baseline, c.alternative].map((e) => e.contributions[i]).find((x) => Number(x.oneOff)) ?? p)),
    el('td', { 'data-key': `programs[${i}].baseline` }, p.baseline), el('td', { 'data-key': `programs[${i}].alternative` }, p.alternative),
    el('td', { 'data-key': `programs[${i}].difference`, class: Number(p.difference) === 0 ? 'same' : p.difference.startsWith('-') ? 'down' : 'up' }, p.difference),
    el('td', { class: 'why', 'data-why': p.why.join(' ') }, (p.reasons ?? []).join(' ')))));
  const cells = table.querySelectorAll(/** @type {'td'} */ ('tfoot td'));
  cells[0].textContent = c.baseline.totalAnnual;
  cells[0].dataset.key = 'baseline.totalAnnual';
  cells[1].textContent = c.alternative.totalAnnual;
  cells[1].dataset.key = 'alternative.totalAnnual';
  $('what-if-total').textContent = c.totalDifference;
  $('what-if-total').dataset.key = 'totalDifference';
  $('what-if-other').replaceChildren(`代缴、资助参保、实物等不发现金的帮扶（不计入上表）：${before} `,
    el('span', { 'data-key': 'baseline.totalOnBehalf' }, c.baseline.totalOnBehalf), ` 元/年，${after} `,
    el('span', { 'data-key': 'alternative.totalOnBehalf' }, c.alternative.totalOnBehalf), ' 元/年，变化 ',
    el('span', { 'data-key': 'onBehalfDifference' }, c.onBehalfDifference), ' 元/年。',
    ...others.flatMap((p, k) => [k === 0 ? '其中' : '；', el('span', { class: 'other-change', 'data-program': p.program, 'data-why': p.why.join(' ') },
      `${p.label}：${(p.reasons ?? []).join(' ')}`)]), others.length ? '。' : '');
  $('what-if-other').hidden = false;
  table.hidden = false;
}

/** The household on two dates (the period's last day and the next, by default): what changes, and why. */
async function compareDates(event) {
  event.preventDefault();
  const error = $('what-if-error');
  error.hidden = true;
  if (!last) return;
  for (const input of $('dates-form').querySelectorAll('input')) input.removeAttribute('aria-invalid');
  $('what-if-other').hidden = true;
  const from = $('dates-from').value;
  const to = $('dates-to').value;
  const shown = last;
  const full = await whatIfEngine();
  if (!full) return;
  try {
    const c = full.compareDates(shown.household, from, to);
    showComparison(c, `${from} 与 ${to} 的现金帮扶（元/年；临时救助等一次性发放计入当年）`, [from, to]);
    announce(`${to} 与 ${from} 相比，全年现金合计变化 ${c.totalDifference} 元。`, { now: true });
  } catch (e) {
    $('what-if-table').hidden = true;
    const input = e?.path === 'to' ? $('dates-to') : e?.path === 'from' ? $('dates-from') : null;
    if (input) input.setAttribute('aria-invalid', 'true');
    error.textContent = `日期有误：${e?.message ?? e}`;
    error.hidden = false;
  }
}

async function whatIf(event) {
  event.preventDefault();
  const error = $('what-if-error');
  error.hidden = true;
  if (!last) return;
  /** @type {Record<string, string>} */
  const overrides = {};
  for (const input of $('what-if-form').querySelectorAll('input')) {
    input.removeAttribute('aria-invalid');
    if (input.value.trim() !== '') overrides[input.name] = input.value.trim();
  }
  $('what-if-other').hidden = true;
  if (Object.keys(overrides).length === 0) {
    $('what-if-table').hidden = true;
    error.textContent = '请先填写至少一个假设值，再比较。';
    error.hidden = false;
    return;
  }
  const shown = last;
  const full = await whatIfEngine();
  if (!full) return;
  /** @type {import('./pkg/index.js').PolicyEngine | undefined} */
  let other;
  try {
    const alternative = full.withOverrides(overrides);
    other = alternative;
    const c = full.compare(shown.household, shown.asOf, alternative);
    // What was tried, as the engine read it (４７１元 is 471, 30% is 0.3), beside the value in force.
    const tried = Object.keys(overrides).map((name) => {
      const now = alternative.parameterValue(name, shown.asOf, shown.household.region);
      let was = '—';
      try { was = engine.parameterValue(name, shown.asOf, shown.household.region).value.value; } catch { /* none in force */ }
      return `${now.label} ${was} → ${now.value.value}`;
    });
    showComparison(c, `现行与假设（${tried.join('；')}）的现金帮扶（元/年；临时救助等一次性发放计入当年）`, ['现行', '假设']);
    announce(`假设调整后全年现金合计变化 ${c.totalDifference} 元。`, { now: true });
  } catch (e) {
    // No table beside the error: the one shown answered the last good values, not these.
    $('what-if-table').hidden = true;
    const input = e?.path ? $('what-if-form').elements.namedItem(e.path) : null;
    if (input instanceof Element) input.setAttribute('aria-invalid', 'true');
    // The engine's message names the parameter and its key for integrators; officers read the name.
    const said = Object.keys(overrides).reduce((m, name) => m.replaceAll(`（${name}）`, ''), String(e?.message ?? e));
    error.textContent = `假设值有误：${said}`;
    error.hidden = false;
  } finally {
    other?.free();
  }
}

// ---- Members: focus follows the officer.
function onAddMember() {
  const card = addMember();
  card.querySelector('[name=id]').focus();
  announce(`已添加${memberTitle(card)}，共 ${document.querySelectorAll('#members .member').length} 位成员。`, { now: true });
  render();
}

function onRemoveMember(card) {
  const cards = [...document.querySelectorAll('#members .member')];
  if (cards.length === 1) return;
  const title = memberTitle(card);
  const index = cards.indexOf(card);
  card.remove();
  renumber();
  const rest = [...document.querySelectorAll('#members .member')];
  const next = rest[Math.min(index, rest.length - 1)];
  /** @type {HTMLInputElement} */ (next.querySelector('[name=id]')).focus();
  announce(`已删除${title}，现有 ${rest.length} 位成员。`, { now: true });
  render();
}

function newHousehold() {
  const region = $('region').value;
  fillHousehold(form, { region, members: [{}] });
  $('household-json').value = '';
  $('import-problems').hidden = true;
  clearResults();
  clearProblems();
  pristine = typedJson();
  /** @type {HTMLInputElement} */ (document.querySelector('#members .member [name=id]')).focus();
  announce('已清空表单，请填写新的家庭。', { now: true });
}

// ---- Import and export, through the engine's strict reader.
function exportJson() {
  const asOf = $('as-of').value;
  const typed = readHousehold(form);
  /** @type {{ household?: object, problems: unknown[] }} */
  let reading = { household: typed, problems: [] };
  try {
    reading = engine.readForm(typed, asOf);
  } catch { /* the form's own problems are shown beside its fields */ }
  $('household-json').value = JSON.stringify(reading.household ?? typed, null, 2);
  // What a form with problems exports cannot be imported back until they are corrected: say so.
  const list = $('import-problems');
  const n = reading.problems?.length ?? 0;
  list.replaceChildren(...(n ? [el('p', {}, el('strong', {}, '注意：'), `表单还有 ${n} 处问题（见各栏提示），导出的数据在改正前不能导入。`)] : []));
  list.hidden = n === 0;
  if (n) announce(`已导出，但表单还有 ${n} 处问题，导出的数据在改正前不能导入。`, { now: true });
}

function importFailed(messages, described = []) {
  clearResults();
  const list = $('import-problems');
  list.replaceChildren(el('p', {}, el('strong', {}, '未能导入：')), el('ul', {}, ...messages.map((m) => el('li', {}, m))));
  list.hidden = false;
  $('io').open = true;
  if (described.length) {
    showProblems(described, { heading: `导入的数据有 ${described.length} 处问题` });
  } else {
    clearProblems();
  }
  announce(`未能导入：${messages[0]}`, { now: true });
}

/** Import a household's JSON text: refused when absurd, read strictly, every problem shown at its field. */
export function importJson(text) {
  const size = new Blob([text]).size;
  if (size > MAX_IMPORT_BYTES) {
    importFailed([`内容有 ${(size / 1e6).toFixed(1)} MB，超过 1 MB，不是一户家庭的数据，未导入。`]);
    return;
  }
  let h;
  try {
    h = JSON.parse(text);
  } catch (e) {
    importFailed([`内容不是有效的 JSON（常见原因：缺少引号、逗号或括号，或复制时被截断）。${e.message}`]);
    return;
  }
  if (h === null || typeof h !== 'object' || Array.isArray(h)) {
    importFailed(['内容应为一户家庭的数据（以 { 开头的 JSON 对象），未导入。']);
    return;
  }
  if (h.members !== undefined && !Array.isArray(h.members)) {
    importFailed(['“members”（家庭成员）应为成员列表 [ … ]，未导入。']);
    return;
  }
  if (Array.isArray(h.members) && h.members.length > MAX_MEMBERS) {
    importFailed([`家庭成员最多 ${MAX_MEMBERS} 人，导入的数据有 ${h.members.length} 人，未导入。`]);
    return;
  }
  // The engine reads the text itself: a repeated field is a problem, where JSON.parse kept the
  // last value without a word.
  let reading;
  try {
    reading = readHouseholdText(text);
  } catch (e) {
    fatal(e);
    return;
  }
  if (reading.problems.length) {
    fillHousehold(form, h);
    const described = reading.problems.map((p) => describe(form, p));
    importFailed(described.map((d) => d.text), described);
    return;
  }
  let out;
  try {
    out = evaluate(engine, h, $('as-of').value, '230000');
  } catch (e) {
    fatal(e);
    return;
  }
  fillHousehold(form, h);
  if (out.problems) {
    const described = out.problems.map((p) => describe(form, p));
    importFailed(described.map((d) => d.text), described);
    return;
  }
  $('import-problems').hidden = true;
  render();
  announce(`已导入。${last ? totalsSentence(last.estimate) : ''}`, { now: true });
}

/** `engine.readHousehold` on the page's date, or on today's while the date field is not a date. */
function readHouseholdText(text) {
  try {
    return engine.readHousehold(text, $('as-of').value);
  } catch (e) {
    if (!(e instanceof PolicyError) || e.path !== 'asOf') throw e;
    return engine.readHousehold(text, today());
  }
}

function fatal(e) {
  // A browser below the floor: support.js says which browsers can run the page.
  if (e?.code === 'UNSUPPORTED_BROWSER') return document.dispatchEvent(new CustomEvent('zx-unsupported', { detail: e }));
  // How the site is hosted (its Content-Security-Policy, a file the server does not give): the
  // message says what the administrator must change, and refreshing would not help.
  const hosting = e?.code === 'WASM_BLOCKED' || e?.code === 'WASM_NOT_LOADED';
  $('status').textContent = `出错：${e?.message ?? e}${hosting ? '' : '（请刷新页面；如仍出错，请联系系统管理员）'}`;
  console.error(e);
}

/**
 * The earliest date the engine estimates on: the first day every parameter an estimate reads has a
 * value (2021-01-01 with the shipped set), asked of the engine (a day-by-day halving between 2000
 * and today) rather than written here, so that a parameter set with older values moves it.
 */
function earliestEstimateDate() {
  const household = { region: '230129', members: [{ id: '户主', birthDate: '1980-01-01' }] };
  const DAY = 86400000;
  const iso = (/** @type {number} */ t) => new Date(t).toISOString().slice(0, 10);
  const works = (/** @type {number} */ t) => {
    try {
      engine.estimate(household, iso(t), { explain: false });
      return true;
    } catch (e) {
      if (e instanceof PolicyError && e.path === 'asOf') return false;
      throw e;
    }
  };
  let early = Date.UTC(2000, 0, 1);
  let late = Date.parse(today());
  if (works(early)) return iso(early);
  // `early` fails, `late` works: halve the days between them.
  while (late - early > DAY) {
    const middle = early + Math.floor((late - early) / DAY / 2) * DAY;
    if (works(middle)) late = middle; else early = middle;
  }
  return iso(late);
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function main() {
  // Nothing but the module (and the page's scripts and style sheet) is asked for before the first
  // estimate: on a slow line every other byte would share the line with it.
  // Said where: the site joins the page's scripts into one file (scripts/site.mjs), not where pkg/ is.
  await init({ module_or_path: new URL('pkg/household/household_bg.wasm', import.meta.url) });
  engine = new PolicyEngine();
  form = $('household-form');
  const set = engine.parameterSet();
  paramSet = `${set.title}（${set.published}，zhenxing ${version()}）`;
  // offline.js names it in its note when the connection drops.
  document.body.dataset.parameterSet = `${set.title}（${set.published} 发布）`;
  context.labels = labels();
  regions = engine.regions();
  setupForm(form, context.labels, regions);
  setVocabulary(form, context.labels);
  // The titles of the policy items come from the module; their quoted text ships beside the page
  // and is filled in when it arrives (below), so a slow connection never holds up the estimate.
  showPolicyItems(policyItems());
  window.addEventListener('hashchange', openCitedItem);

  // The room the sticky totals need at the end of the results column, and above anything scrolled
  // to (style.css).
  new ResizeObserver(([entry]) => {
    document.documentElement.style.setProperty('--summary-height', `${Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? /** @type {HTMLElement} */ (entry.target).offsetHeight)}px`);
  }).observe($('summary'));

  $('as-of').value = today();
  $('region').value = '230129';
  addMember({ id: '户主', birthDate: '1980-01-01' });
  pristine = typedJson();
  window.addEventListener('beforeunload', warnBeforeLeaving);
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('add-member').addEventListener('click', onAddMember);
  $('members').addEventListener('click', (e) => {
    const button = /** @type {Element} */ (e.target).closest('.remove');
    if (button) onRemoveMember(button.closest('.member'));
  });
  $('new-household').addEventListener('click', newHousehold);
  $('problem-box').addEventListener('click', (e) => {
    const a = /** @type {Element} */ (e.target).closest(/** @type {'a'} */ ('a[data-focus]'));
    if (!a) return;
    e.preventDefault();
    const target = $(a.dataset.focus ?? '');
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  });
  $('what-if-form').addEventListener('submit', whatIf);
  $('dates-form').addEventListener('submit', compareDates);
  $('export').addEventListener('click', exportJson);
  $('import').addEventListener('click', () => importJson($('household-json').value));
  $('upload').addEventListener('change', async (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) importFailed([`文件“${f.name}”有 ${(f.size / 1e6).toFixed(1)} MB，超过 1 MB，不是一户家庭的数据，未导入。`]);
    else importJson(await f.text());
  });
  // The import panel's own controls are not the household: they do not recompute.
  for (const id of ['household-json', 'upload']) for (const type of ['input', 'change']) $(id).addEventListener(type, (e) => e.stopPropagation());
  $('download').addEventListener('click', () => {
    exportJson();
    const url = URL.createObjectURL(new Blob([$('household-json').value], { type: 'application/json' }));
    // Named so that a folder of them can be told apart: the household (its ref, or its first
    // member) and the date, e.g. 家庭-父亲-2023-06-01.json.
    const h = JSON.parse($('household-json').value);
    const who = String(h.ref ?? h.members?.[0]?.id ?? '').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
    const a = el('a', { href: url, download: `家庭${who ? `-${who}` : ''}-${$('as-of').value}.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $('print').addEventListener('click', () => window.print());
  $('mini-print').addEventListener('click', () => window.print());
  $('param-set').textContent = `参数：${paramSet}。每个数值附来源与可信度；依据非官方数值的金额标有 ⚠。`;
  $('status').textContent = '已就绪：修改任何一项即时重新计算。';
  document.body.dataset.ready = 'true';
  render();
  // What the first estimate does not need comes after it: the quoted policy text (8 KB over the
  // line), the service worker's script (offline.js), and the earliest date the field accepts (a
  // dozen estimates), the last in a task of its own, so that the estimate is painted first.
  const texts = fetch('policy-text.json').then((r) => (r.ok ? r.json() : { items: [] })).catch(() => ({ items: [] }));
  import('./offline.js').catch((e) => console.warn('离线功能未能加载：', e));
  setTimeout(() => { $('as-of').min = earliestEstimateDate(); }, 0);
  const quoted = new Map((await texts).items.map((t) => [t.citation, t.text]));
  if (quoted.size === 0) return;
  showPolicyItems(policyItems().map((item) => ({ ...item, text: quoted.get(item.citation) })));
  openCitedItem();
  // The cards' citation links now carry the quoted text too.
  if (last) renderCards(last.estimate, $('cards'), last.basis);
}

/** The policy items, with their quoted text when it has arrived, and what citations show of them. */
function showPolicyItems(items) {
  items.forEach((item, i) => { context.titles.set(item.citation, `${item.title}${item.text ? `：${item.text.slice(0, 120)}…` : ''}`); context.anchors.set(item.citation, `policy-${i}`); });
  renderPolicyItems(items, $('policy-items'));
}

main().catch((e) => fatal(e));
