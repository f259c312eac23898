// @ts-check
// The county page: the county profile, a 扶贫项目资产 ledger imported from CSV or JSON, and the county's
// indicators with a chart. It reads inputs, calls the engine and shows what it returns: no policy logic
// here. Every figure shown carries data-key, its path in the result, so tests compare it with the package.
import init, { PolicyEngine, PolicyError, labels } from './pkg/index.js';
import { encodingOf } from './register-csv.js';

/**
 * The page's element with this id. Which kind it is (an input, a form, a table) is the page's HTML's
 * to say: the fields of its kind (value, elements, tBodies) are not checked, an element's are.
 * @param {string} id
 * @returns {HTMLElement & Record<string, any>}
 */
const $ = (id) => /** @type {HTMLElement & Record<string, any>} */ (document.getElementById(id));
const NS = 'http://www.w3.org/2000/svg';
/** @type {PolicyEngine} */
let engine;
/** A parameter's Chinese label by its name (officers read labels, never parameter ids). */
let paramLabels = new Map();

/** An element with attributes and children (text or nodes); null children are skipped. */
function node(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  Object.entries(attrs ?? {}).forEach(([k, v]) => v != null && (k === 'class' ? (n.className = v) : n.setAttribute(k, v)));
  n.append(...kids.flat(Infinity).filter((k) => k != null && k !== false));
  return n;
}
const cite = (c) => node('span', { class: 'cite' }, c);
/** Marks a box wider inside than it shows (`data-wide`): the page then says above it that it scrolls. */
const wide = new ResizeObserver((entries) => entries.forEach(({ target: s }) => s.toggleAttribute('data-wide', s.scrollWidth > s.clientWidth)));
/** A table in a box that scrolls sideways on a narrow screen, reachable by keyboard, named `label`. */
function scrollBox(table, label) {
  const box = node('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label}（可左右滑动）` }, table);
  wide.observe(box);
  return box;
}
const money = (key, v) => node('span', { 'data-key': key }, v ?? '—');

function showError(e) {
  // A browser below the floor: support.js says which browsers can run the page.
  if (e?.code === 'UNSUPPORTED_BROWSER') return document.dispatchEvent(new CustomEvent('zx-unsupported', { detail: e }));
  const box = $('error');
  // A .wasm the server did not give: its message names the file; module_or_path is no field.
  const at = e instanceof PolicyError && e.path && e.code !== 'WASM_NOT_LOADED' ? `（${e.path}）` : '';
  box.textContent = e instanceof PolicyError ? `${e.message}${at}` : `出错：${e}`;
  box.dataset.code = e instanceof PolicyError ? e.code : '';
  box.hidden = false;
}

function common(r) {
  return [
    r.reasons?.length ? node('ul', { class: 'reasons' }, r.reasons.map((t) => node('li', {}, t))) : null,
    r.steps?.length ? node('details', {}, node('summary', {}, '计算步骤'),
      node('ol', { class: 'steps' }, r.steps.map((s) => node('li', {}, s.text, s.citation ? cite(s.citation) : null,
        s.documents?.length ? node('span', { class: 'documents' }, s.documents.join('；')) : null)))) : null,
    r.assumptions?.length ? node('div', { class: 'assumptions' }, '本计算器的假设：',
      node('ul', {}, r.assumptions.map((a) => node('li', { 'data-assumption': a.rule }, a.text)))) : null,
    r.unofficial?.length ? node('div', { class: 'unofficial' }, '⚠ 依据的以下参数不是官方公布值，须按本县规定核对：',
      node('ul', {}, r.unofficial.map((n) => node('li', { 'data-param': n }, paramLabels.get(n) ?? n)))) : null,
  ];
}

// ---- the county profile -------------------------------------------------------------------------
const KEY = { notPublished: '名单未公布', yes: '是', no: '否' };

/** A measure whose text gives no end has no `until`: after the period it is to be checked (待核对). */
function measureList(list, cls, phase) {
  const term = (m) => (m.until ? `${m.from} 至 ${m.until}` : `${m.from} 起，文本未写明期限${phase === 'after' ? '：待核对' : ''}`);
  return node('ul', { class: cls }, list.map((m) => node('li', { 'data-measure': m.id }, m.label, cite(m.citation),
    node('span', { class: 'until' }, term(m)))));
}

function renderProfile(p) {
  const c = p.county;
  const t = p.transition;
  const exit = c?.povertyCounty ? `${c.povertyCounty.kind === 'national' ? '原国家级贫困县' : '原省级贫困县'}，${c.povertyCounty.exitAssessmentYear}年度退出` : '';
  const facts = [
    ['地区', `${p.region.name}（${p.region.code}，${p.region.kindLabel}${p.region.parent ? `，属${p.region.parent.name}` : ''}）`],
    ['过渡期', `${labels().phase[t.phase] ?? t.phase}${t.year ? `，第${t.year}年` : ''}`],
    c ? ['脱贫县', c.alleviatedCounty ? `是（${exit}）` : `否${exit ? `（${exit}）` : ''}`] : null,
    c ? ['乡村振兴重点帮扶县', KEY[c.keyCounty]] : ['乡村振兴重点帮扶县', KEY[p.keyCountyList.status === 'published' ? 'yes' : 'notPublished']],
    c ? ['涉农资金统筹整合试点', c.fundIntegrationPilot ? '适用' : '不适用'] : null,
  ].filter((f) => f !== null);
  const body = [
    node('dl', { class: 'facts' }, facts.map(([k, v]) => [node('dt', {}, k), node('dd', { 'data-fact': k }, v)])),
    node('h3', {}, `生效的县级措施（${p.measures.length} 项）`), measureList(p.measures, 'measures', t.phase),
    p.pending.length ? [node('h3', {}, `待重点帮扶县名单公布后确定（${p.pending.length} 项）`), measureList(p.pending, 'pending', t.phase)] : null,
  ];
  if (p.counties) {
    const s = p.summary;
    body.push(node('h3', {}, `所辖县级行政区 ${s.counties} 个${s.statisticalUnits ? `（另列统计用区划 ${s.statisticalUnits} 个）` : ''}：脱贫县 ${s.alleviated} 个，整合试点 ${s.pilot} 个`),
      scrollBox(node('table', { class: 'grid', id: 'county-table' },
        node('thead', {}, node('tr', {}, ['代码', '名称', '脱贫县', '整合试点', '生效措施', '待定'].map((h) => node('th', {}, h)))),
        node('tbody', {}, p.counties.map((r) => node('tr', { 'data-code': r.code },
          node('td', {}, r.code), node('td', {}, r.name), node('td', {}, r.alleviatedCounty ? '是' : r.povertyCounty ? '原省级贫困县' : '否'),
          node('td', {}, r.fundIntegrationPilot ? '适用' : ''), node('td', { class: 'num' }, String(r.measures.length)),
          node('td', { class: 'num' }, String(r.pending.length)))))), '所辖县级单位'));
  }
  $('profile-body').replaceChildren(...body.flat().filter(Boolean), ...common(p).filter(Boolean));
}

// ---- the asset ledger ---------------------------------------------------------------------------
/**
 * A ledger file's text: UTF-8, or GBK (what Excel's “CSV（逗号分隔）” writes on Chinese Windows), told as
 * the register page and the command-line tool tell them.
 * @param {File} file
 */
async function fileText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}

function disposalText(d) {
  if (!d) return '';
  if (!d.required.length) return `${d.label}：农户自行处置`;
  return d.allowed ? `${d.label}：审批齐全` : `${d.label}：缺 ${d.missing.length} 个审批环节`;
}

/**
 * A bad row's text, every problem of it: a CSV row's messages name its line (said once); a JSON
 * item's error says where in the item.
 * @param {{ message: string, path: string, problems?: { message: string, path: string }[] }} error
 */
function rowErrorText(error) {
  const line = /^第 \d+ 行：/.exec(error.message)?.[0];
  const texts = (error.problems?.length ? error.problems : [error])
    .map((p) => (line ? p.message.replace(line, '') : `${p.message}（${p.path}）`));
  return (line ?? '') + texts.join('；');
}

function renderLedger(l) {
  const rows = l.items.map((item, i) => {
    if (!item.ok) {
      return node('tr', { class: 'bad', 'data-row': i }, node('td', {}, String(i + 1)),
        node('td', { colspan: 8, 'data-error': item.error.path, 'data-code': item.error.code }, rowErrorText(item.error)));
    }
    const a = item.asset;
    const k = `items[${i}].asset`;
    return node('tr', { 'data-row': i, 'data-id': a.id }, node('td', {}, String(i + 1)), node('td', {}, a.id), node('td', {}, a.name),
      node('td', { 'data-key': `${k}.classLabel` }, a.classLabel), node('td', { class: 'num' }, money(`${k}.value`, a.value)),
      node('td', { class: 'num' }, money(`${k}.annualIncome`, a.annualIncome)), node('td', { class: 'num' }, money(`${k}.planned`, a.planned)),
      node('td', { class: a.disposal && !a.disposal.allowed ? 'no' : null, 'data-disposal': a.disposal ? String(a.disposal.allowed) : null }, disposalText(a.disposal)),
      node('td', { 'data-findings': a.findings.length }, a.findings.length ? node('ul', { class: 'findings' }, a.findings.map((f) => node('li', { 'data-finding': f.id }, f.text))) : node('span', { class: 'ok' }, '无')));
  });
  const totals = (label, key, c) => node('tr', {}, node('td', {}, label), node('td', { class: 'num' }, String(c.assets)),
    node('td', { class: 'num' }, money(`${key}.value`, c.value)), node('td', { class: 'num' }, money(`${key}.annualIncome`, c.annualIncome)),
    node('td', { class: 'num' }, money(`${key}.planned`, c.planned)), node('td', { class: 'num' }, `${c.disposals}（缺审批 ${c.disposalsBlocked}）`),
    node('td', { class: 'num' }, String(c.withFindings)));
  const head = (first) => node('thead', {}, node('tr', {}, [first, '项数', '账面价值（元）', '年收益（元）', '已计划（元）', '处置', '有问题'].map((h) => node('th', {}, h))));
  const names = { 'ledger-table': '台账', 'by-class': '按类别合计', 'by-village': '按村合计' };
  const scroll = (table) => scrollBox(table, names[table.id]);
  // The totals are the ledger's rows as given: a row outside 扶贫项目资产 is flagged, not dropped (its
  // source may be mistyped); the officer verifies it and takes it out of the ledger.
  const outside = l.items.filter((item) => item.ok && !item.asset.inScope).map((item) => item.asset);
  $('ledger-body').replaceChildren(
    scroll(node('table', { class: 'grid', id: 'ledger-table' },
      node('thead', {}, node('tr', {}, ['序号', '编号', '名称', '类别', '账面价值（元）', '年收益（元）', '已计划（元）', '处置', '问题'].map((h) => node('th', {}, h)))),
      node('tbody', {}, rows))),
    node('h3', {}, '按类别'), scroll(node('table', { class: 'grid', id: 'by-class' }, head('类别'), node('tbody', {}, l.byClass.map((c, i) => totals(c.label, `byClass[${i}]`, c))))),
    node('h3', {}, '按村'), scroll(node('table', { class: 'grid', id: 'by-village' }, head('村'), node('tbody', {}, l.byVillage.map((v, i) => totals(v.village, `byVillage[${i}]`, v))))),
    node('p', {}, `合计 ${l.totals.rows} 行，${l.totals.errors} 行有误；账面价值 `, money('totals.value', l.totals.value), ' 元。'),
    outside.length ? node('p', { id: 'out-of-scope', class: 'unofficial' }, `以上合计按台账所列各行计算，含不属于扶贫项目资产的 ${outside.length} 项`
      + `（${outside.map((a) => `${a.id} ${a.name}，账面价值 ${a.value} 元`).join('；')}），未替您剔除：请核实资金来源，`
      + '确不属于的请移出台账，各项合计随之减少（二(四)：台账登记的是扶贫项目资产）。') : null,
    ...common(l).filter(Boolean));
}

async function runLedger() {
  $('error').hidden = true;
  try {
    const file = $('ledger-file').files[0];
    const asOf = $('as-of').value, region = $('region').value;
    if (file && !/\.json$/i.test(file.name)) {
      // A CSV ledger is read by the module, as the command-line tool reads it (Chinese headers and words).
      renderLedger(engine.assetsText(await fileText(file), asOf, region));
    } else {
      const list = JSON.parse(file ? await file.text() : $('ledger-json').value || '[]');
      renderLedger(engine.assets(list, asOf, region));
    }
  } catch (e) {
    showError(e);
  }
}

// ---- the indicators -------------------------------------------------------------------------------
/** Every field of the form, as typed: the engine reads numbers as the staff page does ("16,800元",
 * full-width digits, "6.5%" for a rate) and names what it cannot read. */
function readIndicators() {
  const f = $('indicator-form').elements;
  const v = (name) => f.namedItem(name).value.trim() || undefined;
  const input = { region: $('region').value, year: v('year'), income: { thisYear: v('thisYear'), lastYear: v('lastYear') }, provinceGrowth: v('provinceGrowth') };
  if (v('households') !== undefined) {
    const monitored = {};
    for (const c of ['unstable', 'marginal', 'suddenHardship']) {
      if (v(c) !== undefined) monitored[c] = { households: v(c), riskEliminated: v(`${c}Eliminated`) };
    }
    input.register = { households: v('households'), monitored, dibaoGaps: v('dibaoGaps'), tekunGaps: v('tekunGaps'), cashAnnual: v('cashAnnual') };
  }
  return input;
}

/** The form field an error's path is about (`register.monitored.unstable.households` → unstable). */
function fieldOf(path) {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  if (parts[0] === 'income' || parts[0] === 'provinceIncome') return last === 'lastYear' ? 'lastYear' : 'thisYear';
  if (parts[1] === 'monitored' && parts.length === 4) return last === 'riskEliminated' ? `${parts[2]}Eliminated` : parts[2];
  if (parts[1] === 'monitored') return 'unstable';
  return { year: 'year', provinceGrowth: 'provinceGrowth', households: 'households', dibaoGaps: 'dibaoGaps', tekunGaps: 'tekunGaps', cashAnnual: 'cashAnnual' }[last] ?? null;
}

/** The indicators' problem, as the staff page shows one: at its field, named by the field's label. */
function showIndicatorProblem(text, field) {
  const box = $('indicators-problem');
  const input = field ? $('indicator-form').elements.namedItem(field) : null;
  const label = input?.closest('label')?.firstChild?.textContent.trim();
  box.replaceChildren(node('strong', {}, '无法计算指标：'), label ? `${label}：${text}` : text);
  box.hidden = false;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'indicators-problem');
  }
}

function clearIndicatorProblem() {
  $('indicators-problem').hidden = true;
  for (const input of $('indicator-form').querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** Bars: the county's growth against the province's, then the share of risk eliminated by category. */
function chart(r) {
  const bars = [['本县增速', r.incomeGrowth.growth, 'county'], ['全省增速', r.incomeGrowth.provinceGrowth, 'province'],
    ...r.monitored.filter((m) => m.share !== undefined).map((m) => [`${m.label}风险消除`, m.share, 'share'])];
  const max = Math.max(...bars.map(([, v]) => Math.abs(Number(v))), 0.01);
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 720 ${bars.length * 30 + 20}`);
  svg.setAttribute('class', 'bars');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '增速与风险消除占比');
  bars.forEach(([label, v, cls], i) => {
    const y = 10 + i * 30;
    const w = (Math.abs(Number(v)) / max) * 420;
    for (const [tag, attrs, text] of [['text', { x: 0, y: y + 15, class: 'label' }, label],
      ['rect', { x: 200, y, width: w.toFixed(1), height: 20, class: cls, 'data-value': v }],
      ['text', { x: 206 + w, y: y + 15, class: 'tick' }, `${(Number(v) * 100).toFixed(2)}%`]]) {
      const n = document.createElementNS(NS, tag);
      Object.entries(attrs).forEach(([k, a]) => n.setAttribute(k, String(a)));
      if (text) n.textContent = text;
      svg.append(n);
    }
  });
  return svg;
}

function renderIndicators(r) {
  const met = (m) => (m === undefined ? '—' : m ? '达到' : '未达到');
  $('indicators-body').replaceChildren(
    scrollBox(node('table', { class: 'grid', id: 'indicator-table' },
      node('thead', {}, node('tr', {}, ['指标', '数值', '目标', '怎样算'].map((h) => node('th', {}, h)))),
      node('tbody', {}, r.indicators.map((x, i) => node('tr', { 'data-id': x.id },
        node('td', {}, x.label, cite(x.citation)), node('td', { class: 'num', 'data-key': `indicators[${i}].value` }, `${x.value}${x.unit ?? ''}`),
        node('td', { class: x.met === false ? 'no' : x.met ? 'ok' : null, 'data-met': x.met === undefined ? null : String(x.met) }, met(x.met)),
        node('td', {}, x.how))))), '指标'),
    node('div', { id: 'indicator-chart' }, chart(r)),
    ...common(r).filter(Boolean));
}

function runIndicators(event) {
  event?.preventDefault();
  $('error').hidden = true;
  clearIndicatorProblem();
  // The result shown is for the figures computed: it goes as soon as they are not.
  $('indicators-body').replaceChildren();
  const typed = [...$('indicator-form').querySelectorAll('input')].some((i) => i.value.trim() !== '');
  if (!typed) {
    showIndicatorProblem('表单是空的：请填写年度、本县本年和上年的农村居民人均可支配收入、全省增速，再计算。', 'year');
    return;
  }
  try {
    renderIndicators(engine.countyIndicators(readIndicators(), $('as-of').value));
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    showIndicatorProblem(e.message, fieldOf(e.path));
  }
}

// ---- start --------------------------------------------------------------------------------------
function fillRegions() {
  const regions = engine.regions();
  const select = $('region');
  const province = /** @type {import('./pkg/index.js').RegionInfo} */ (regions.find((r) => r.level === 'province'));
  select.append(node('option', { value: province.code }, `${province.name}（全省）`));
  for (const city of regions.filter((r) => r.level === 'prefecture')) {
    select.append(node('optgroup', { label: city.name }, node('option', { value: city.code }, `${city.name}（市级）`),
      regions.filter((r) => r.parent === city.code).map((c) => node('option', { value: c.code }, c.alleviatedCounty ? `${c.name}（脱贫县）` : c.name))));
  }
  select.value = '230129';
}

function renderProfileNow() {
  $('error').hidden = true;
  try {
    renderProfile(engine.county($('region').value, $('as-of').value));
  } catch (e) {
    showError(e);
  }
}

async function start() {
  await init({ module_or_path: new URL('pkg/zhenxing_bg.wasm', import.meta.url) });
  engine = new PolicyEngine();
  const set = engine.parameterSet();
  // offline.js names it in its note when the connection drops.
  document.body.dataset.parameterSet = `${set.title}（${set.published} 发布）`;
  paramLabels = new Map(engine.parameters().map((p) => [p.name, p.label]));
  fillRegions();
  $('as-of').value = new Date().toISOString().slice(0, 10);
  for (const id of ['as-of', 'region']) $(id).addEventListener('change', renderProfileNow);
  $('ledger-run').addEventListener('click', runLedger);
  // The chosen file's name beside the styled button, as on the register page.
  $('ledger-file').addEventListener('change', () => {
    $('ledger-file-name').textContent = $('ledger-file').files[0]?.name ?? '未选择文件';
  });
  $('indicator-form').addEventListener('submit', runIndicators);
  $('print').addEventListener('click', () => window.print());
  renderProfileNow();
  $('status').textContent = '计算引擎已就绪。';
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  $('status').textContent = '计算引擎未能加载，见下方说明。';
  showError(e);
});
