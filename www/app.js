// The staff page. All policy logic is in the WebAssembly module; this file only reads the form,
// calls the engine and shows what it returns.
import init, { PolicyEngine, PolicyError, policyItems } from './pkg/index.js';

const $ = (id) => document.getElementById(id);
const PHASES = { before: '过渡期前', transition: '过渡期内', after: '过渡期后（常态化帮扶）' };

let engine;
let titles = new Map();
let catalogue = new Map();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function citation(c) {
  return el('span', { class: 'cite', title: titles.get(c) ?? '' }, c);
}

function fillRegions() {
  const regions = engine.regions();
  const select = $('region');
  const byParent = new Map();
  for (const r of regions) {
    if (r.level === 'county') {
      if (!byParent.has(r.parent)) byParent.set(r.parent, []);
      byParent.get(r.parent).push(r);
    }
  }
  for (const city of regions.filter((r) => r.level === 'prefecture')) {
    const group = el('optgroup', { label: city.name });
    group.append(el('option', { value: city.code }, `${city.name}（市级）`));
    for (const county of byParent.get(city.code) ?? []) {
      group.append(el('option', { value: county.code }, county.alleviatedCounty ? `${county.name}（脱贫县）` : county.name));
    }
    select.append(group);
  }
}

function showError(e) {
  const box = $('error');
  if (e instanceof PolicyError) {
    box.textContent = `${e.message}${e.path ? `（${e.path}）` : ''} [${e.code}]`;
  } else {
    box.textContent = `出错：${e}`;
  }
  box.hidden = false;
}

function render() {
  $('error').hidden = true;
  const asOf = $('as-of').value;
  const region = $('region').value || undefined;
  let t;
  try {
    t = engine.transition(asOf, region);
  } catch (e) {
    $('transition-card').hidden = true;
    showError(e);
    return;
  }
  $('t-phase').textContent = t.year ? `${PHASES[t.phase]} · 第${t.year}年` : PHASES[t.phase];
  $('t-phase').dataset.phase = t.phase;
  $('t-period').textContent = `${t.start} 至 ${t.end}`;
  $('t-days').textContent = `${t.daysRemaining} 天`;
  const pilot = $('t-pilot');
  pilot.textContent = t.fundIntegrationPilot ? '适用' : '不适用';
  pilot.className = t.fundIntegrationPilot ? 'yes' : 'no';
  $('t-reasons').replaceChildren(...t.reasons.map((r) => el('li', {}, r)));
  $('t-measures').replaceChildren(...t.measures.map((m) =>
    el('li', { 'data-id': m.id }, m.label, citation(m.citation), el('span', { class: 'until' }, m.until ? `${m.from} 至 ${m.until}` : `${m.from} 起`))));
  $('t-steps').replaceChildren(...t.steps.map((s) =>
    el('li', {}, s.text, s.value ? el('span', { class: 'value' }, `→ ${s.value}`) : null, s.citation ? citation(s.citation) : null)));
  const warn = $('t-unofficial');
  if (t.unofficial.length) {
    warn.replaceChildren(el('strong', {}, '⚠ 以下参数不是官方公布值，结果仅供参考：'),
      el('ul', {}, ...t.unofficial.map((name) => {
        const p = catalogue.get(name);
        return el('li', { 'data-param': name }, p ? `${p.label}（${name}）` : name);
      })));
    warn.hidden = false;
  } else {
    warn.hidden = true;
  }
  $('transition-card').hidden = false;
}

async function main() {
  await init();
  engine = new PolicyEngine();
  titles = new Map(policyItems().map((i) => [i.citation, i.title]));
  catalogue = new Map(engine.parameters().map((p) => [p.name, p]));
  fillRegions();
  const today = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  $('as-of').value = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  $('as-of').addEventListener('input', render);
  $('region').addEventListener('change', render);
  $('param-set').textContent = '参数：内置黑龙江默认参数集（每个数值附来源与可信度；非官方数值会标出）。';
  $('status').textContent = '已就绪：修改日期或地区即时重新计算。';
  document.body.dataset.ready = 'true';
  render();
}

main().catch((e) => { $('status').textContent = '计算模块加载失败'; showError(e); });
