// Rendering results. Every amount shown carries data-key: its path in the estimate
// (e.g. "programs[0].monthly"), so tests can check each figure against the package.

const PHASES = { before: '过渡期前', transition: '过渡期内', after: '过渡期后（常态化帮扶）' };
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Context shared by the renderers: policy item titles and parameter labels. */
export const context = { titles: new Map(), anchors: new Map(), params: new Map() };

export function citation(c) {
  const anchor = context.anchors.get(c);
  return el('a', { class: 'cite', href: anchor ? `#${anchor}` : null, title: context.titles.get(c) ?? '' }, c);
}

/** An amount, with its path in the estimate and a mark when it rests on non-official figures. */
function amount(key, value, unofficial = [], suffix = ' 元') {
  const names = unofficial.map((n) => context.params.get(n)?.label ?? n);
  return el('span', { class: unofficial.length ? 'amount unofficial-figure' : 'amount', 'data-key': key, title: names.length ? `依据非官方参数：${names.join('、')}` : null },
    value, suffix, unofficial.length ? el('sup', { class: 'warn' }, '⚠') : null);
}

function steps(list) {
  return el('details', {}, el('summary', {}, '计算步骤'),
    el('ol', { class: 'steps' }, ...list.map((s) => el('li', {}, s.text, s.value ? el('span', { class: 'value' }, `→ ${s.value}`) : null, s.citation ? citation(s.citation) : null))));
}

function unofficialNote(list) {
  if (!list.length) return null;
  return el('div', { class: 'unofficial' }, el('strong', {}, '⚠ 以下参数不是官方公布值，结果仅供参考：'),
    el('ul', {}, ...list.map((n) => el('li', { 'data-param': n }, `${context.params.get(n)?.label ?? n}（${n}）`))));
}

function badge(eligible, yes = '符合', no = '不符合') {
  return el('span', { class: eligible ? 'badge yes' : 'badge no' }, eligible ? yes : no);
}

export function renderSummary(est, node) {
  node.replaceChildren(
    el('h2', {}, '现金帮扶合计'),
    el('p', { class: 'totals' }, '每月 ', amount('totalMonthly', est.totalMonthly, est.unofficial), '　全年 ', amount('totalAnnual', est.totalAnnual, est.unofficial)),
    el('p', { class: 'hint' }, '合计含低保、特困供养（按月 × 12）、临时救助（一次性）和现金类教育资助；养老保险代缴与营养餐不计入。'),
    el('table', { class: 'contrib' }, el('tbody', {}, ...est.contributions.map((c, i) => el('tr', {},
      el('th', {}, c.label), el('td', {}, amount(`contributions[${i}].cashAnnual`, c.cashAnnual)),
      el('td', {}, c.otherAnnual !== '0.00' ? el('span', { class: 'hint' }, '代缴/实物 ', amount(`contributions[${i}].otherAnnual`, c.otherAnnual)) : null))))),
    unofficialNote(est.unofficial),
  );
}

export function renderTransition(t, doc) {
  doc.getElementById('t-phase').textContent = t.year ? `${PHASES[t.phase]} · 第${t.year}年` : PHASES[t.phase];
  doc.getElementById('t-period').textContent = `${t.start} 至 ${t.end}`;
  doc.getElementById('t-days').textContent = `${t.daysRemaining} 天`;
  const pilot = doc.getElementById('t-pilot');
  pilot.textContent = t.fundIntegrationPilot ? '适用' : '不适用';
  pilot.className = t.fundIntegrationPilot ? 'yes' : 'no';
  doc.getElementById('t-measures').replaceChildren(...t.measures.map((m) =>
    el('li', { 'data-id': m.id }, m.label, citation(m.citation), el('span', { class: 'until' }, m.until ? `${m.from} 至 ${m.until}` : `${m.from} 起`))));
}

/** The figures of a result: its monthly and annual amounts, then the facts it lists. */
function facts(p, prefix) {
  const u = p.unofficial;
  const rows = [];
  const row = (label, node, fact) => rows.push(el('dt', {}, label), el('dd', fact ? { 'data-fact': label } : {}, node));
  if (p.monthly) row('每月', amount(`${prefix}.monthly`, p.monthly, u));
  if (p.annual) row(p.monthly ? '全年' : '每年', amount(`${prefix}.annual`, p.annual, u));
  for (const f of p.facts) {
    const suffix = f.unit ? ` ${f.unit}` : '';
    row(f.label, f.key ? amount(`${prefix}.${f.key}`, f.value, u, suffix) : f.value, !f.key);
  }
  return el('dl', { class: 'facts' }, ...rows);
}

/** One programme's card, whatever the programme: the engine labels its figures. */
function card(p, prefix) {
  const [yes, no] = p.program === 'monitoring' ? ['纳入监测', '不纳入'] : ['符合', '不符合'];
  return el('section', { class: 'card', id: `card-${p.program}`, 'data-program': p.program },
    el('h2', {}, p.label, ' ', badge(p.eligible, yes, no)),
    facts(p, prefix),
    el('ul', { class: 'reasons' }, ...p.reasons.map((r) => el('li', {}, r))),
    p.citations.length ? el('p', { class: 'hint' }, '政策依据：', ...p.citations.map(citation)) : null,
    steps(p.steps), unofficialNote(p.unofficial));
}

export function renderCards(est, node) {
  node.replaceChildren(card(est.monitoring, 'monitoring'), ...est.programs.map((p, i) => card(p, `programs[${i}]`)));
}

/** The policy items, each with its text when the page has it (policy-text.json). */
export function renderPolicyItems(items, node) {
  node.replaceChildren(...items.map((item, i) => el('li', { id: `policy-${i}`, 'data-citation': item.citation },
    item.text
      ? el('details', {}, el('summary', {}, el('strong', {}, item.citation), ' ', item.title), el('p', { class: 'quote' }, item.text))
      : el('span', {}, el('strong', {}, item.citation), ' ', item.title))));
}

/** Following a citation opens the quoted item. */
export function openCitedItem() {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const details = target?.querySelector('details');
  if (details) details.open = true;
}
