// @ts-check
// The register page: the officer drops a register, sees how its columns are read, and gets every
// household screened in a Web Worker (register-worker.js), a chunk at a time, with a progress bar
// and a cancel button. The page only shows what the worker hands it: no policy logic here.
import { csvLine } from './register-csv.js';

/**
 * The page's element with this id. Which kind it is (an input, a form, a table) is the page's HTML's
 * to say: the fields of its kind (value, elements, tBodies) are not checked, an element's are.
 * @param {string} id
 * @returns {HTMLElement & Record<string, any>}
 */
const $ = (id) => /** @type {HTMLElement & Record<string, any>} */ (document.getElementById(id));
const ROW_HEIGHT = 34;
const ERRORS_SHOWN = 200;
const CHANGES_SHOWN = 50;

/** An element with attributes and children (text or nodes); null children are skipped. */
function node(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  Object.entries(attrs ?? {}).forEach(([k, v]) => v != null && (k === 'class' ? (n.className = v) : n.setAttribute(k, v)));
  n.append(...kids.flat(Infinity).filter((k) => k != null && k !== false));
  return n;
}

/** The i-th of strings packed as one text and their ends. */
const str = (p, i) => p.text.slice(i ? p.ends[i - 1] : 0, p.ends[i]);
/** The i-th of interned strings (towns, villages). */
const name = (p, i) => p.names[p.index[i]];

/** Integer fen as yuan with two places (−50 fen is -0.50). */
const yuan = (f) => `${f < 0 ? '-' : ''}${Math.trunc(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`;
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);

const worker = new Worker(new URL('register-worker.js', import.meta.url), { type: 'module' });
/**
 * The file opened, the parameters a what-if can change, when the screening started, and what the
 * worker said of the file and of its last screening or what-if (not typed here: the worker's).
 * @type {{ file: File | null, view: Uint32Array, parameters: { name: string, label: string, unitLabel: string }[],
 *   started: number, [what: string]: any }}
 */
const state = { file: null, opened: null, result: null, view: new Uint32Array(0), parameters: [], started: 0 };

function status(text) {
  $('status').textContent = text;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

worker.onmessage = ({ data }) => {
  const on = {
    ready: () => {
      state.parameters = data.parameters;
      state.periodEnd = data.periodEnd;
      // offline.js names it in its note when the connection drops.
      document.body.dataset.parameterSet = data.parameterSet;
      status('请选择花名册文件。');
      document.body.dataset.ready = 'true';
    },
    opened: () => showColumns(data),
    progress: () => showProgress(data),
    screened: () => showResults(data),
    compared: () => showWhatIf(data),
    'dates-compared': () => showPeriod(data),
    cancelled: () => {
      $('progress-card').hidden = true;
      status('已取消测算。');
      busy(false);
    },
    file: () => save(data.blob, data.name),
    error: () => {
      if (data.code === 'UNSUPPORTED_BROWSER') {
        document.dispatchEvent(new CustomEvent('zx-unsupported', { detail: data }));
        return;
      }
      $('progress-card').hidden = true;
      busy(false);
      const key = state.parameters?.some((p) => p.name === data.path);
      // The module's loading names no field the officer filled in.
      showError(`${officerWords(data.message)}${data.path && !key && data.during !== 'init' ? `（${data.path}）` : ''}`);
      status({ open: '无法读取这个文件。', init: '计算模块未能加载，无法测算。' }[data.during] ?? '出错了，见下方说明。');
    },
  }[data.type];
  on?.();
};
worker.onerror = (e) => showError(`计算模块出错：${e.message}`);

/** Buttons that start work are off while the worker is busy. */
function busy(on) {
  for (const id of ['start', 'run-whatif', 'run-period', 'file', 'download-csv', 'download-xlsx', 'download-summary']) $(id).disabled = on;
}

// ---- 1. choosing the file ---------------------------------------------------------------------

function open(file, sheet = 0) {
  if (!file) return;
  state.file = file;
  showError('');
  for (const id of ['columns-card', 'results-card', 'summary-card', 'whatif-card', 'period-card']) $(id).hidden = true;
  state.whatIf = null;
  state.period = null;
  status(`正在读取 ${file.name}…`);
  worker.postMessage({ type: 'open', file, encoding: $('encoding').value, sheet });
}

$('file').addEventListener('change', (e) => open(/** @type {FileList} */ (/** @type {HTMLInputElement} */ (e.target).files)[0]));
$('encoding').addEventListener('change', () => state.file && open(state.file, Number($('sheet').value) || 0));
$('sheet').addEventListener('change', () => state.file && open(state.file, Number($('sheet').value)));
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  open(/** @type {DataTransfer} */ (e.dataTransfer).files[0]);
});
// A file dropped beside the zone is not opened by the browser (it would leave the page).
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

// ---- 2. the columns ---------------------------------------------------------------------------

const FORMAT = { xlsx: 'Excel 工作簿', csv: 'CSV', jsonl: 'JSON Lines' };
const LEVEL = { household: '户级（每户一个值）', member: '成员（每行一人）' };

function showColumns(o) {
  state.opened = o;
  const sheetField = $('sheet-field');
  sheetField.hidden = !(o.sheets?.length > 1);
  $('sheet').replaceChildren(...(o.sheets ?? []).map((s, i) => node('option', { value: String(i) }, s)));
  if (o.sheets) $('sheet').value = String(o.sheet);
  const how = [FORMAT[o.format], o.encoding ? `${o.encoding === 'gbk' ? 'GBK' : 'UTF-8'} 编码` : null,
    o.sheets ? `工作表“${o.sheets[o.sheet]}”${o.headerLine > 1 ? `，表头在第 ${o.headerLine} 行` : ''}` : null].filter(Boolean).join('，');
  $('columns-note').textContent = o.format === 'jsonl'
    ? `${o.name}：JSON Lines，每行一户，字段即接口的字段。`
    : `${o.name}：${how}。请核对每一列读作什么；不认识的列不读取。`;
  const rows = o.columns.map((c) => node('tr', { 'data-column': String(c.index), class: c.name ? null : 'ignored' },
    node('td', { class: 'num' }, String(c.index)),
    node('td', {}, c.header || '（空）'),
    node('td', {}, c.alias ? `${c.alias}（${c.name}）` : '不读取'),
    node('td', {}, c.name ? LEVEL[c.level]
      : c.private ? '身份证号码、电话号码：不读取、不保存、不写出'
        : c.suggestion ? `未知的列（是不是“${c.suggestion}”？请改表头）` : c.header ? '未知的列' : '')));
  $('columns-table').tBodies[0].replaceChildren(...rows);
  const ignored = o.columns.filter((c) => !c.name && c.header);
  $('ignored').textContent = ignored.length
    ? `以下 ${ignored.length} 列不读取：${ignored.map((c) => `第 ${c.index} 列“${c.header}”`).join('、')}。`
    : '';
  $('columns-card').hidden = false;
  status('已读取表头。核对列后点击“开始测算”。');
  $('start').focus();
}

$('start').addEventListener('click', () => {
  delete document.body.dataset.results;
  if (!$('as-of').value) $('as-of').value = today();
  showError('');
  busy(true);
  $('progress').value = 0;
  $('progress-text').textContent = '';
  $('progress-card').hidden = false;
  state.started = performance.now();
  status('正在测算…');
  worker.postMessage({ type: 'screen', asOf: $('as-of').value });
});

$('cancel').addEventListener('click', () => worker.postMessage({ type: 'cancel' }));

function showProgress({ read, size }) {
  const share = size ? read / size : 0;
  $('progress').value = Math.round(share * 1000);
  const seconds = (performance.now() - state.started) / 1000;
  $('progress-text').textContent = `已读 ${Math.round(share * 100)}%，用时 ${seconds.toFixed(1)} 秒`;
}

// ---- 3. the results ---------------------------------------------------------------------------

function showResults(r) {
  state.result = r;
  // Figures for the benchmark and the browser test (how long, how much memory the module took).
  /** @type {any} */ (window).__registerFigures = { seconds: r.seconds, wasmBytes: r.wasmBytes };
  busy(false);
  $('progress-card').hidden = true;
  const t = r.table;
  const ok = r.rows - r.errors;
  $('counts').textContent = `共 ${r.rows} 户：成功 ${ok} 户，有误 ${r.errors} 户`;
  $('basis').textContent = `测算日期 ${r.asOf}；参数：${r.parameterSet.title}（${r.parameterSet.published}）；花名册：${r.name}；用时 ${r.seconds.toFixed(1)} 秒。`;
  showErrors(t);
  fillFilters(t);
  applyFilters();
  $('results-card').hidden = false;
  status(`测算完成：共 ${r.rows} 户，成功 ${ok} 户，有误 ${r.errors} 户。`);
  $('results-card').focus();
  // The summary, the what-if and the printed sheet after the results are on screen: the page
  // never stops answering for long, however many villages.
  setTimeout(() => {
    showSummary(r.summary);
    showBasis(r.basis);
    $('summary-card').hidden = false;
    setTimeout(() => {
      buildWhatIf();
      buildPeriod();
      printSheet();
      $('whatif-card').hidden = false;
      $('period-card').hidden = false;
      document.body.dataset.results = 'true';
    });
  });
}

function showErrors(t) {
  const items = [];
  for (let i = 0; i < t.count && items.length < ERRORS_SHOWN; i++) {
    if (t.ok[i]) continue;
    const line = t.line[i] === t.lastLine[i] ? `第 ${t.line[i]} 行` : `第 ${t.line[i]}–${t.lastLine[i]} 行`;
    items.push(node('li', { 'data-line': String(t.line[i]) },
      node('strong', {}, `${line}${str(t.household, i) ? `（户编号 ${str(t.household, i)}）` : ''}`), '：', str(t.message, i),
      node('span', { class: 'fix' }, `改正：在花名册${line}按上面的说明修改，保存后重新选择文件测算。`)));
  }
  const errors = t.count - t.ok.reduce((a, b) => a + b, 0);
  $('errors').replaceChildren(...items);
  $('errors-title').textContent = `有误的行（${errors} 户）`;
  $('errors-more').textContent = errors > items.length ? `只列出前 ${items.length} 户；全部错误见下载的结果中“错误说明”一列。` : '';
  $('errors-box').hidden = errors === 0;
}

function options(select, list) {
  select.replaceChildren(node('option', { value: '' }, '全部'), ...list.map(([v, label]) => node('option', { value: v }, label)));
}

function fillFilters(t) {
  options($('f-program'), t.programList.map((p) => [p.id, `${p.label}：符合`]));
  options($('f-alert'), t.alertList.map((a, k) => [String(k), a.label]));
  options($('f-category'), [['0', '未纳入监测'], ...t.categories.map((c, k) => [String(k + 1), c.label])]);
  const towns = t.town.names.filter(Boolean).sort();
  options($('f-town'), towns.map((x) => [x, x]));
  fillVillages();
}

function fillVillages() {
  const t = state.result.table;
  const town = $('f-town').value;
  const villages = new Set();
  for (let i = 0; i < t.count; i++) if (name(t.village, i) && (!town || name(t.town, i) === town)) villages.add(name(t.village, i));
  options($('f-village'), [...villages].sort().map((x) => [x, x]));
}

for (const id of ['f-program', 'f-alert', 'f-category', 'f-town', 'f-village', 'f-state']) {
  $(id).addEventListener('change', () => {
    if (id === 'f-town') fillVillages();
    applyFilters();
  });
}

/** The rows the filters keep, as indexes into the table. */
function applyFilters() {
  const t = state.result.table;
  const program = $('f-program').value;
  const alert = $('f-alert').value;
  const category = $('f-category').value;
  const town = $('f-town').value;
  const village = $('f-village').value;
  const wanted = $('f-state').value;
  const eligible = program ? t.programs[program].eligible : null;
  const bit = alert === '' ? 0 : 1 << Number(alert);
  const view = new Uint32Array(t.count);
  let n = 0;
  let annual = 0;
  for (let i = 0; i < t.count; i++) {
    if (eligible && !eligible[i]) continue;
    if (bit && !(t.alerts[i] & bit)) continue;
    if (category !== '' && t.category[i] !== Number(category)) continue;
    if (town && name(t.town, i) !== town) continue;
    if (village && name(t.village, i) !== village) continue;
    if (wanted && (wanted === 'ok') !== Boolean(t.ok[i])) continue;
    view[n++] = i;
    annual += t.annualFen[i];
  }
  state.view = view.subarray(0, n);
  $('shown').textContent = `显示 ${n} 户（共 ${t.count} 户），现金帮扶年额合计 ${yuan(annual)} 元`;
  $('results-table').setAttribute('aria-rowcount', String(n + 1));
  $('table-scroll').scrollTop = 0;
  renderRows();
}

/** The rows in sight, and spacers for the rest: 100,000 households scroll as smoothly as ten. */
function renderRows() {
  const t = state.result.table;
  const scroller = $('table-scroll');
  const view = state.view;
  const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 10);
  const count = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 20;
  const last = Math.min(view.length, first + count);
  const spacer = (rows) => {
    const tr = node('tr', { class: 'spacer', 'aria-hidden': 'true' }, node('td', { colspan: '10' }));
    tr.style.height = `${rows * ROW_HEIGHT}px`;
    return tr;
  };
  const rows = [];
  if (first > 0) rows.push(spacer(first));
  for (let k = first; k < last; k++) rows.push(row(t, view[k], k));
  if (last < view.length) rows.push(spacer(view.length - last));
  $('results-table').tBodies[0].replaceChildren(...rows);
}

function row(t, i, k) {
  const category = t.category[i] ? t.categories[t.category[i] - 1].label : '';
  const programs = t.programList.filter((p) => t.programs[p.id].eligible[i]).map((p) => p.label).join('、');
  const alerts = t.alertList.filter((a, b) => t.alerts[i] & (1 << b)).map((a) => a.label).join('、');
  const tr = node('tr', { 'aria-rowindex': String(k + 2), 'data-line': String(t.line[i]), class: t.ok[i] ? null : 'bad' },
    node('td', { class: 'num' }, String(t.line[i])),
    node('td', {}, str(t.household, i) || str(t.ref, i)),
    node('td', {}, name(t.town, i)), node('td', {}, name(t.village, i)), node('td', {}, category),
    node('td', { class: 'programs' }, programs),
    node('td', { class: 'num' }, t.ok[i] ? yuan(t.monthlyFen[i]) : ''),
    node('td', { class: 'num' }, t.ok[i] ? yuan(t.annualFen[i]) : ''),
    node('td', {}, alerts),
    node('td', {}, t.ok[i] ? '成功' : '有误'));
  tr.style.height = `${ROW_HEIGHT}px`;
  return tr;
}

let frame = 0;
$('table-scroll').addEventListener('scroll', () => {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderRows();
  });
});

// ---- the summary ------------------------------------------------------------------------------

/** The summary's columns shown on the page: place, counts, then the programmes anyone is eligible for. */
function summaryColumns(s) {
  const total = s.rows[0] ?? [];
  return s.header.map((h, i) => i).filter((i) => {
    if (i < 12 || i >= s.header.length - 2) return true;
    const households = s.header[i].endsWith('户数') ? i : i - 1;
    return Number(total[households]) > 0;
  });
}

function showSummary(s) {
  const cols = summaryColumns(s);
  const numeric = (i) => i >= 5;
  $('summary-table').tHead.replaceChildren(node('tr', {}, cols.map((i) => node('th', { scope: 'col', class: numeric(i) ? 'num' : null }, s.header[i]))));
  $('summary-table').tBodies[0].replaceChildren(...s.rows.map((r) => node('tr', { class: `level-${r[0]}` },
    cols.map((i) => node('td', { class: numeric(i) ? 'num' : null }, r[i])))));
}

/**
 * What the figures rested on, as the command-line tool's printed summary ends (its words): the
 * stale parameters with the date of the value used, the non-official ones, the assumptions.
 * `[title, items]` per kind that has any; an item is `[words, parts that used it]`.
 */
function basisLists(b) {
  return [
    [`已过更新周期的参数 ${b.stale.length} 项，请核对当地现行标准：`, b.stale.map((s) => [`${s.label}（${s.from} 起）`, s.usedBy])],
    [`不是官方公布值的参数（示意或推算）${b.unofficial.length} 项，须按本县规定核对：`, b.unofficial.map((u) => [u.label, u.usedBy])],
    [`按本计算器的假设计算 ${b.assumptions.length} 项（政策未写明，须按本县做法核对）：`, b.assumptions.map((a) => [a.text, a.usedBy])],
  ].filter(([, items]) => items.length);
}

/** A basis's lists: each kind's heading and its items, each with the programmes that used it. */
function basisNodes(lists) {
  return lists.flatMap(([title, items]) => [
    node('p', {}, title),
    node('ul', { class: 'basis' }, items.map(([words, used]) => node('li', {}, words, node('span', { class: 'hint' }, `（用于：${used.join('、')}）`))))]);
}

/** The basis under the summary: each item with the programmes that used it. */
function showBasis(b) {
  const lists = basisLists(b);
  $('summary-basis').replaceChildren(...(lists.length ? [node('h3', {}, '测算依据'), ...basisNodes(lists)] : []));
}

/**
 * What each side of a comparison rested on, as `zhenxing compare`'s report ends: once when the same
 * on both sides, else each side's lists under its name (调整前/调整后, or the two dates).
 */
function comparedBasis(id, before, after, [nameBefore, nameAfter]) {
  const [a, b] = [basisLists(before), basisLists(after)];
  if (!a.length && !b.length) return null;
  const same = JSON.stringify(a) === JSON.stringify(b);
  const side = (key, heading, lists) => node('div', { 'data-side': key }, node('p', {}, heading), basisNodes(lists));
  return node('div', { id }, node('h3', {}, '测算依据'), same ? side('both', '两边的测算依据相同：', a)
    : [side('before', `${nameBefore}的测算依据：${a.length ? '' : '无'}`, a), side('after', `${nameAfter}的测算依据：${b.length ? '' : '无'}`, b)]);
}

// ---- the what-if ------------------------------------------------------------------------------

function overrideRow() {
  const k = $('overrides').children.length + 1;
  const select = node('select', { id: `ov-name-${k}`, name: 'name' },
    state.parameters.map((p) => node('option', { value: p.name }, `${p.label}（${p.unitLabel}）`)));
  select.value = 'dibao.standard.rural';
  return node('div', { class: 'row override' },
    node('label', { for: `ov-name-${k}` }, `参数 ${k}`), select,
    node('label', { for: `ov-value-${k}` }, '改为'), node('input', { id: `ov-value-${k}`, name: 'value', inputmode: 'decimal', required: '' }));
}

function buildWhatIf() {
  if (!$('overrides').children.length) $('overrides').append(overrideRow());
}

$('add-override').addEventListener('click', () => $('overrides').append(overrideRow()));

$('whatif-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const overrides = {};
  for (const r of $('overrides').children) {
    const value = /** @type {HTMLInputElement} */ (r.querySelector('[name=value]')).value.trim();
    if (value) overrides[/** @type {HTMLInputElement} */ (r.querySelector('[name=name]')).value] = value;
  }
  if (!Object.keys(overrides).length) {
    $('whatif-result').replaceChildren(node('p', { class: 'error' }, '请填写至少一个参数的新值。'));
    return;
  }
  compareWith('正在测算调整后的结果…', { type: 'compare', asOf: state.result.asOf, overrides });
});

/** Hand the worker a comparison, with the progress bar, saying `doing`. */
function compareWith(doing, message) {
  busy(true);
  showError('');
  state.started = performance.now();
  $('progress').value = 0;
  $('progress-card').hidden = false;
  status(doing);
  worker.postMessage(message);
}

const CHANGE_COLUMNS = [
  ['changed', '有变化户数'], ['gaining', '增加户数'], ['losing', '减少户数'], ['newlyEligible', '新增符合户数'],
  ['noLongerEligible', '不再符合户数'], ['annualBefore', '原年额'], ['annualAfter', '调整后年额'], ['difference', '年额变化'],
];

/** The values tried, by the parameters' Chinese names (低保标准（农村） 改为 471). */
function triedWords(overrides) {
  return Object.entries(overrides).map(([k, v]) => `${paramLabel(k)} 改为 ${v}`).join('、');
}

/** A parameter's Chinese name, for its key. */
function paramLabel(key) {
  return state.parameters.find((p) => p.name === key)?.label ?? key;
}

/** An engine message in officers' words: a parameter's key after its name is left out. */
function officerWords(message) {
  return state.parameters.reduce((m, p) => m.replaceAll(`（${p.name}）`, ''), String(message));
}

function showWhatIf(c) {
  busy(false);
  $('progress-card').hidden = true;
  state.whatIf = c;
  const s = c.summary;
  const total = s.programs.find((p) => p.program === 'total');
  const tried = triedWords(c.overrides);
  const programs = s.programs.filter((p) => p.changed > 0 || p.program === 'total');
  const table = node('table', { class: 'grid', id: 'whatif-table' },
    node('caption', {}, `调整：${tried}（测算日期 ${c.asOf}）`),
    node('thead', {}, node('tr', {}, node('th', { scope: 'col' }, '项目'), CHANGE_COLUMNS.map(([, h]) => node('th', { scope: 'col', class: 'num' }, h)))),
    node('tbody', {}, programs.map((p) => node('tr', { 'data-program': p.program },
      node('th', { scope: 'row' }, p.label), CHANGE_COLUMNS.map(([k]) => node('td', { class: 'num', 'data-key': k }, String(p[k])))))));
  const list = (title, items) => node('div', {}, node('h3', {}, title),
    items.length ? node('ol', { class: 'changes' }, items.slice(0, CHANGES_SHOWN).map((h) => {
      const t = h.programs[h.programs.length - 1];
      const why = h.programs.slice(0, -1).map((p) => `${labelOf(p.program)} ${p.annualBefore} → ${p.annualAfter}${p.eligibleBefore !== p.eligibleAfter ? (p.eligibleAfter ? '（新增符合）' : '（不再符合）') : ''}`);
      return node('li', { 'data-line': String(h.line) }, `第 ${h.line} 行 ${h.household || h.ref || ''}${h.town ? ` ${h.town}` : ''}${h.village ? ` ${h.village}` : ''}：现金帮扶 ${t.annualBefore} → ${t.annualAfter}（${signed(t.difference)}）`,
        why.length ? node('span', { class: 'why' }, why.join('；')) : null);
    })) : node('p', { class: 'hint' }, '没有。'),
    items.length > CHANGES_SHOWN ? node('p', { class: 'hint' }, `共 ${items.length} 户，列出变化最大的 ${CHANGES_SHOWN} 户。`) : null);
  const diff = (h) => Number(h.programs[h.programs.length - 1].difference);
  const gainers = c.changes.filter((h) => diff(h) > 0).sort((a, b) => diff(b) - diff(a));
  const losers = c.changes.filter((h) => diff(h) < 0).sort((a, b) => diff(a) - diff(b));
  $('whatif-result').replaceChildren(
    node('p', { class: 'counts', id: 'whatif-cost' }, `全县现金帮扶每年 ${total.annualBefore} → ${total.annualAfter} 元，${Number(total.difference) >= 0 ? '多' : '少'} ${total.difference.replace('-', '')} 元；${total.gaining} 户增加，${total.losing} 户减少（共比较 ${s.households - s.errors} 户，有误 ${s.errors} 户未比较）。`),
    node('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '调整前后对照（可滚动）' }, table),
    list('增加的户', gainers), list('减少的户', losers),
    comparedBasis('whatif-basis', c.basisBefore, c.basisAfter, ['调整前', '调整后']));
  status('调整后的结果已算出。');
  printSheet();
}

const signed = (d) => (Number(d) > 0 ? `+${d}` : d);
function labelOf(id) {
  return state.result.table.programList.find((p) => p.id === id)?.label ?? id;
}

// ---- the period's end ------------------------------------------------------------------------

/** The day after `date` (YYYY-MM-DD). */
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
/** A decimal string of yuan as integer fen. */
const fenOf = (s) => Math.round(Number(s) * 100);

/** The two dates default to the transition period's last day (from the parameters) and the next. */
function buildPeriod() {
  $('period-result').replaceChildren();
  if (!$('period-from').value && state.periodEnd) $('period-from').value = state.periodEnd;
  if (!$('period-to').value && state.periodEnd) $('period-to').value = nextDay(state.periodEnd);
}

$('period-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const from = $('period-from').value;
  const to = $('period-to').value;
  if (!from || !to) {
    $('period-result').replaceChildren(node('p', { class: 'error' }, '请填写起始日期和对照日期。'));
    return;
  }
  compareWith('正在比较两个日期…', { type: 'compare-dates', from, to });
});

/** A household's changed programmes (not the total), their net change in fen, and their reasons. */
function periodChange(h, labels) {
  const programs = h.programs.filter((p) => p.program !== 'total');
  const net = programs.reduce((a, p) => a + fenOf(p.difference), 0);
  const why = programs.map((p) => `${labelOf(p.program)} ${p.annualBefore} → ${p.annualAfter}`
    + `${p.eligibleBefore !== p.eligibleAfter ? (p.eligibleAfter ? '（新增符合）' : '（不再符合）') : ''}`
    + `${p.why.length ? `：${p.why.map((id) => labels[id] ?? id).join('；')}` : ''}`);
  return { h, net, why };
}

/** Under the table of reasons: its amounts are not cash alone, and rows overlap (`REASONS_NOTE` of the module). */
const REASONS_NOTE = '注：每个原因的年额变化，是因该原因而变化的各项目年额之和，含代缴保费、资助参保等代付金额和劳动报酬，不只是现金（康复救助的最高额不计入）；'
  + '一个项目可因几个原因变化，计入每个原因，所以各行相加不等于现金帮扶合计的变化。';

function showPeriod(c) {
  busy(false);
  $('progress-card').hidden = true;
  state.period = c;
  // The summary as the module gave it, for the browser test to hold against the command-line tool's.
  /** @type {any} */ (window).__periodSummary = c.summary;
  const s = c.summary;
  const total = s.programs.find((p) => p.program === 'total');
  const programs = s.programs.filter((p) => p.changed > 0 || p.program === 'total');
  const heads = [['changed', '有变化户数'], ['gaining', '增加户数'], ['losing', '减少户数'], ['newlyEligible', '新增符合户数'],
    ['noLongerEligible', '不再符合户数'], ['annualBefore', `${c.from} 年额`], ['annualAfter', `${c.to} 年额`], ['difference', '年额变化']];
  const table = node('table', { class: 'grid', id: 'period-table' },
    node('caption', {}, `各项帮扶：${c.from} 与 ${c.to} 对照`),
    node('thead', {}, node('tr', {}, node('th', { scope: 'col' }, '项目'), heads.map(([, h]) => node('th', { scope: 'col', class: 'num' }, h)))),
    node('tbody', {}, programs.map((p) => node('tr', { 'data-program': p.program },
      node('th', { scope: 'row' }, p.label), heads.map(([k]) => node('td', { class: 'num', 'data-key': k }, String(p[k])))))));
  const reasons = node('table', { class: 'grid', id: 'period-reasons' },
    node('caption', {}, '变化原因'),
    node('thead', {}, node('tr', {}, ['变化原因', '户数', '增加户数', '减少户数', '相关项目年额变化'].map((h, i) => node('th', { scope: 'col', class: i ? 'num' : null }, h)))),
    node('tbody', {}, s.reasons.map((r) => node('tr', { 'data-reason': r.reason },
      node('th', { scope: 'row' }, r.label), ['households', 'gaining', 'losing', 'difference'].map((k) => node('td', { class: 'num', 'data-key': k }, String(r[k])))))));
  // What the reasons' amounts hold, as the command-line tool's report says under its table.
  const reasonsNote = node('p', { class: 'hint', id: 'period-reasons-note' }, REASONS_NOTE);
  const changes = c.changes.map((h) => periodChange(h, c.labels));
  const list = (title, items) => node('div', {}, node('h3', {}, title),
    items.length ? node('ol', { class: 'changes' }, items.slice(0, CHANGES_SHOWN).map(({ h, net, why }) => node('li', { 'data-line': String(h.line) },
      `第 ${h.line} 行 ${h.household || h.ref || ''}${h.town ? ` ${h.town}` : ''}${h.village ? ` ${h.village}` : ''}：各项年额合计 ${signed(yuan(net))} 元`,
      node('span', { class: 'why' }, why.join('；'))))) : node('p', { class: 'hint' }, '没有。'),
    items.length > CHANGES_SHOWN ? node('p', { class: 'hint' }, `共 ${items.length} 户，列出变化最大的 ${CHANGES_SHOWN} 户；全部见下载的“变化的户”。`) : null);
  const losers = changes.filter((x) => x.net < 0).sort((a, b) => a.net - b.net);
  const gainers = changes.filter((x) => x.net > 0).sort((a, b) => b.net - a.net);
  const others = changes.filter((x) => x.net === 0);
  const all = s.programs.filter((p) => p.program !== 'total').reduce((a, p) => a + fenOf(p.difference), 0);
  $('period-result').replaceChildren(
    node('p', { class: 'counts', id: 'period-cost' }, `${c.from} → ${c.to}：全县现金帮扶每年 ${total.annualBefore} → ${total.annualAfter} 元（${signed(total.difference)}）；`
      + `各项帮扶年额（含代缴、资助参保）合计变化 ${signed(yuan(all))} 元；${s.changed} 户有变化（共比较 ${s.households - s.errors} 户，有误 ${s.errors} 户未比较）。`),
    node('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '两个日期对照（可滚动）' }, table),
    node('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': '变化原因（可滚动）' }, reasons),
    reasonsNote,
    node('p', { class: 'actions no-print' },
      node('button', { type: 'button', id: 'download-period' }, '下载对照汇总（CSV）'),
      node('button', { type: 'button', id: 'download-period-households', class: 'secondary' }, '下载变化的户（CSV）')),
    list('减少的户', losers), list('增加的户', gainers), ...(others.length ? [list('是否符合条件改变、金额不变的户', others)] : []),
    comparedBasis('period-basis', c.basisBefore, c.basisAfter, [c.from, c.to]));
  $('download-period').addEventListener('click', () => save(csvBlob(periodRows(s)), `过渡期前后对照汇总-${c.from}-${c.to}.csv`));
  $('download-period-households').addEventListener('click', () => save(csvBlob(periodHouseholds(changes)), `过渡期前后变化的户-${c.from}-${c.to}.csv`));
  status('两个日期的对照已算出。');
  printSheet();
}

/** A cell a spreadsheet will not read as a formula (as the command-line tool writes it). */
const safe = (cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
/** Rows as a UTF-8 CSV with a byte-order mark, as the tool writes its files. */
const csvBlob = (rows) => new Blob(['\uFEFF', `${rows.map(csvLine).join('\n')}\n`], { type: 'text/csv;charset=utf-8' });

/** The summary as `zhenxing compare --to … --headers zh --report 汇总.csv` writes it. */
function periodRows(s) {
  const { from, to } = state.period;
  const header = ['地区代码', '地区', '项目', '比较户数', '有误户数', '有变化户数', '增加户数', '减少户数', '新增符合户数', '不再符合户数',
    `${from}符合户数`, `${to}符合户数`, `${from}年额`, `${to}年额`, '年额变化'];
  const scopes = [['', '全部', s.households - s.errors, s.errors, s.programs],
    ...s.regions.map((r) => [r.region, r.regionName ?? '', r.households, r.errors, r.programs])];
  return [header, ...scopes.flatMap(([region, name, households, errors, programs]) => programs.map((p) => [safe(region), name, p.label,
    households, errors, p.changed, p.gaining, p.losing, p.newlyEligible, p.noLongerEligible, p.eligibleBefore, p.eligibleAfter,
    p.annualBefore, p.annualAfter, p.difference].map(String)))];
}

/** Every household that changed, a row per programme that changed, with why. */
function periodHouseholds(changes) {
  const c = state.period;
  const header = ['起始行', '结束行', '户编号', '参考编号', '地区代码', '乡镇', '村', '项目',
    `${c.from}符合`, `${c.to}符合`, `${c.from}年额`, `${c.to}年额`, '年额变化', '变化原因'];
  const yes = (b) => (b ? '是' : '否');
  return [header, ...changes.flatMap(({ h }) => h.programs.map((p) => [String(h.line), String(h.lastLine), safe(h.household), safe(h.ref ?? ''),
    safe(h.region), safe(h.town), safe(h.village), p.program === 'total' ? '现金帮扶合计' : labelOf(p.program),
    yes(p.eligibleBefore), yes(p.eligibleAfter), p.annualBefore, p.annualAfter, p.difference,
    p.why.map((id) => c.labels[id] ?? id).join('；')]))];
}

// ---- out --------------------------------------------------------------------------------------

$('download-csv').addEventListener('click', () => worker.postMessage({ type: 'download', kind: 'csv' }));
$('download-xlsx').addEventListener('click', () => worker.postMessage({ type: 'download', kind: 'xlsx' }));
$('download-summary').addEventListener('click', () => worker.postMessage({ type: 'download', kind: 'summary-csv' }));
$('print').addEventListener('click', () => window.print());

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = node('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The period-end comparison in one sentence for the printed summary, once run. */
function periodLine() {
  const c = state.period;
  if (!c) return null;
  const t = c.summary.programs.find((p) => p.program === 'total');
  const changed = c.summary.programs.filter((p) => p.program !== 'total' && p.changed > 0)
    .map((p) => `${p.label} ${p.losing} 户减少、${p.gaining} 户增加（${signed(p.difference)} 元）`);
  const why = c.summary.reasons.map((r) => `${r.label}（${r.households} 户）`);
  return node('p', { id: 'print-period' }, `${c.from} 与 ${c.to} 对照：现金帮扶每年 ${t.annualBefore} → ${t.annualAfter} 元（${signed(t.difference)}），`
    + `${c.summary.changed} 户有变化${changed.length ? `：${changed.join('；')}` : ''}${why.length ? `。原因：${why.join('；')}` : ''}。`);
}

/** The printed summary: the figures on the first page, the towns and villages on the second. */
function printSheet() {
  const r = state.result;
  if (!r) return;
  const s = r.summary;
  const total = s.rows[0] ?? [];
  const h = s.header;
  const at = (name) => h.indexOf(name);
  const programs = r.table.programList.map((p) => [p.label, p.amount, total[at(`${p.label}户数`)], total[at(`${p.label}年额`)]]);
  const facts = [
    ['测算日期', r.asOf], ['花名册', r.name], ['参数', `${r.parameterSet.title}（${r.parameterSet.published}）`], ['打印日期', today()],
    ['读入户数', `共 ${r.rows} 户：成功 ${r.rows - r.errors} 户，有误 ${r.errors} 户`],
    ['纳入监测', `${total[at('纳入监测户数')]} 户（脱贫不稳定户 ${total[at('脱贫不稳定户')]}，边缘易致贫户 ${total[at('边缘易致贫户')]}，突发严重困难户 ${total[at('突发严重困难户')]}，类别未登记 ${total[at('监测类别未登记')]}）`],
    ['现金帮扶', `每月 ${total[at('现金帮扶月额')]} 元，每年 ${total[at('现金帮扶年额')]} 元`],
  ];
  const w = state.whatIf?.summary.programs.find((p) => p.program === 'total');
  const places = s.rows.filter((x) => x[0] !== '合计');
  const cols = ['读入户数', '有误户数', '纳入监测户数', '最低生活保障户数', '特困人员救助供养户数', '现金帮扶年额'].filter((c) => at(c) >= 0);
  $('print-sheet').replaceChildren(
    node('div', { class: 'print-page' },
      node('h1', {}, '花名册测算汇总'),
      node('dl', { class: 'facts' }, facts.map(([k, v]) => [node('dt', {}, k), node('dd', {}, v)])),
      node('table', { class: 'grid' }, node('thead', {}, node('tr', {}, node('th', {}, '帮扶项目'), node('th', {}, '说明'), node('th', { class: 'num' }, '符合户数'), node('th', { class: 'num' }, '年额（元）'))),
        node('tbody', {}, programs.map(([label, note, n, a]) => node('tr', {}, node('td', {}, label), node('td', {}, note), node('td', { class: 'num' }, n), node('td', { class: 'num' }, a))))),
      periodLine(),
      w ? node('p', {}, `参数调整（${triedWords(state.whatIf.overrides)}）：现金帮扶每年 ${w.annualBefore} → ${w.annualAfter} 元（${signed(w.difference)}），${w.gaining} 户增加，${w.losing} 户减少。`) : null,
      node('p', { class: 'hint' }, `由“振兴 · 花名册测算”在本机算出${basisLists(r.basis).length ? '；所依据的非官方、过期参数和假设见末页，须按本县规定核对' : ''}。`)),
    node('div', { class: 'print-page' },
      node('h2', {}, `按乡镇、村汇总（测算日期 ${r.asOf}）`),
      node('table', { class: 'grid' },
        node('thead', {}, node('tr', {}, ['层级', '地区', '乡镇', '村', ...cols].map((c) => node('th', {}, c)))),
        node('tbody', {}, places.map((x) => node('tr', { class: `level-${x[0]}` },
          [x[0], x[2] || x[1], x[3], x[4]].map((c) => node('td', {}, c)), cols.map((c) => node('td', { class: 'num' }, x[at(c)]))))))),
    printedBasis(r.basis));
}

/** The printed basis, on its own page, as the command-line tool prints it: a stale or non-official parameter in a sentence, an assumption an item. */
function printedBasis(b) {
  const lists = basisLists(b);
  if (!lists.length) return null;
  return node('div', { class: 'print-page', id: 'print-basis' }, node('h2', {}, '测算依据'),
    lists.map(([title, items]) => [node('p', {}, title), title.startsWith('按本计算器')
      ? node('ul', {}, items.map(([words]) => node('li', {}, words)))
      : node('p', {}, `${items.map(([words]) => words).join('、')}。`)]));
}

$('as-of').value = today();
