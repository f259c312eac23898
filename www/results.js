// Rendering results. Every amount shown carries data-key: its path in the estimate
// (e.g. "programs[0].monthly"), so tests can check each figure against the package.

const PHASES = { before: '过渡期前', transition: '过渡期内', after: '过渡期后（常态化帮扶）' };
const CATEGORY = { unstable: '脱贫不稳定户', marginal: '边缘易致贫户', suddenHardship: '突发严重困难户' };
const TRACK = { development: '开发式帮扶（产业、就业）', safetyNet: '兜底保障', caseByCase: '一事一议' };
const RISKS = {
  incomeBelowLine: '人均纯收入低于监测标准', largeRigidSpending: '刚性支出较大', sharpIncomeFall: '收入大幅缩减',
  unsecuredFood: '吃未保障', unsecuredClothing: '穿未保障', unsecuredEducation: '义务教育未保障', unsecuredMedical: '基本医疗未保障',
  unsecuredHousing: '住房安全未保障', unsecuredWater: '饮水安全未保障', illness: '因病', disaster: '因灾', accident: '因意外事故', familyChange: '家庭重大变故',
};

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

function monitoringCard(m) {
  const k = 'monitoring';
  return el('section', { class: 'card', id: 'card-monitoring', 'data-program': 'monitoring' },
    el('h2', {}, '防止返贫动态监测 ', badge(m.inScope, '纳入监测', '不纳入')),
    el('dl', { class: 'facts' },
      el('dt', {}, '类别'), el('dd', { 'data-field': 'category' }, m.category ? CATEGORY[m.category] : '—'),
      el('dt', {}, '人均纯收入'), el('dd', {}, amount(`${k}.perCapitaNetIncome`, m.perCapitaNetIncome, m.unofficial, ' 元/年')),
      el('dt', {}, '监测标准'), el('dd', {}, amount(`${k}.incomeLine`, m.incomeLine, m.unofficial, ' 元/年')),
      el('dt', {}, '风险'), el('dd', { 'data-field': 'risks' }, m.risks.length ? m.risks.map((r) => RISKS[r] ?? r).join('、') : '无'),
      el('dt', {}, '帮扶方式'), el('dd', { 'data-field': 'track' }, m.track ? TRACK[m.track] : '—'),
      m.riskElimination ? el('dt', {}, '风险消除') : null,
      m.riskElimination ? el('dd', {}, m.riskElimination.eligible ? '可按程序标注风险消除' : `暂不可：${m.riskElimination.reasons.join('；')}`) : null),
    el('ul', { class: 'reasons' }, ...m.reasons.map((r) => el('li', {}, r))),
    steps(m.steps), unofficialNote(m.unofficial));
}

function programAmounts(p, i) {
  const k = `programs[${i}]`;
  const u = p.unofficial;
  const rows = [];
  const row = (label, node) => rows.push(el('dt', {}, label), el('dd', {}, node));
  if (p.monthly) row('每月', amount(`${k}.monthly`, p.monthly, u));
  if (p.annual) row(p.monthly ? '全年' : '每年', amount(`${k}.annual`, p.annual, u));
  switch (p.program) {
    case 'dibao':
      row('低保标准', amount(`${k}.standard`, p.standard, u, ' 元/人·月'));
      row('计算收入', amount(`${k}.countedIncome`, p.countedIncome, u, ' 元/年'));
      row('就业成本扣除', amount(`${k}.employmentDeduction`, p.employmentDeduction, u, ' 元/年'));
      row('人均月收入', amount(`${k}.perCapitaMonthlyIncome`, p.perCapitaMonthlyIncome, u, ' 元'));
      row('补差', amount(`${k}.base`, p.base, u, ' 元/月'));
      p.supplements.forEach((s, j) => row(`加发：${s.member}（${s.reason}）`, amount(`${k}.supplements[${j}].monthly`, s.monthly, u, ' 元/月')));
      p.singlePerson.forEach((s, j) => row(`单人户：${s.member}（${s.reason}）`, amount(`${k}.singlePerson[${j}].monthly`, s.monthly, u, ' 元/月')));
      if (p.tekunMembers.length) row('另行特困供养', p.tekunMembers.join('、'));
      if (p.gradualExit) row('渐退期', `${p.gradualExit.from} 至 ${p.gradualExit.until}`);
      break;
    case 'tekun':
      row('基本生活标准', amount(`${k}.basicStandard`, p.basicStandard, u, ' 元/人·月'));
      p.members.forEach((m, j) => { if (m.eligible) row(`特困：${m.member}`, amount(`${k}.members[${j}].monthly`, m.monthly, u, ' 元/月')); });
      break;
    case 'temporary':
      row('缺口', amount(`${k}.need`, p.need, u));
      row('一次性救助', amount(`${k}.amount`, p.amount, u));
      if (p.caseByCase) row('超出部分', '县级一事一议');
      break;
    case 'pension':
      row('最低缴费档次', amount(`${k}.lowestTier`, p.lowestTier, u, ' 元/年'));
      p.members.forEach((m, j) => { if (m.paid !== '0.00') row(`代缴：${m.member}`, amount(`${k}.members[${j}].paid`, m.paid, u, ' 元/年')); });
      break;
    case 'education':
      p.students.forEach((s, j) => s.aids.forEach((a, l) => row(`${s.member}：${a.label}`, amount(`${k}.students[${j}].aids[${l}].annual`, a.annual, u, ' 元/年'))));
      break;
    default:
  }
  return el('dl', { class: 'facts' }, ...rows);
}

function programCard(p, i) {
  return el('section', { class: 'card', id: `card-${p.program}`, 'data-program': p.program },
    el('h2', {}, p.label, ' ', badge(p.eligible)),
    programAmounts(p, i),
    el('ul', { class: 'reasons' }, ...p.reasons.map((r) => el('li', {}, r))),
    p.citations.length ? el('p', { class: 'hint' }, '政策依据：', ...p.citations.map(citation)) : null,
    steps(p.steps), unofficialNote(p.unofficial));
}

export function renderCards(est, node) {
  node.replaceChildren(monitoringCard(est.monitoring), ...est.programs.map(programCard));
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
