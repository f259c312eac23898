// @ts-check
// Rendering results. Every amount shown carries data-key: its path in the estimate
// (e.g. "programs[0].monthly"), so tests can check each figure against the package. Cards follow
// the engine's list of programmes and show the figures it labels (facts): no code per programme.

/** Where a date falls in the transition period, in the engine's words (labels().phase). */
const phaseLabel = (id) => context.labels.phase?.[id] ?? id;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Context shared by the renderers: policy item titles, parameter labels, the engine's labels. */
export const context = { titles: new Map(), anchors: new Map(), params: new Map(), labels: {} };

export function citation(c) {
  const anchor = context.anchors.get(c);
  return el('a', { class: 'cite', href: anchor ? `#${anchor}` : null, title: context.titles.get(c) ?? null }, c);
}

const nonZero = (m) => m !== undefined && m !== null && Number(m) !== 0;
const paramLabel = (name) => context.params.get(name)?.label ?? name;

/**
 * What the amounts of this estimate rest on that is not official: the results that pay something
 * (and the monitoring verdict), and for each parameter, assumption and stale figure the results
 * it affects; `inForce(name)` gives a parameter's value in force (engine.parameterValue) or null.
 * @param {import('./pkg/index.js').Estimate} est
 * @param {(name: string) => unknown} [inForce]
 */
export function basisOf(est, inForce = () => null) {
  const results = [est.monitoring, ...est.programs];
  const paying = results.filter((p) => p === est.monitoring || (p.eligible && (nonZero(p.monthly) || nonZero(p.annual))));
  // The estimate lists each figure and assumption once, with the parts that used it (`usedBy`).
  /** @type {Set<string>} */
  const payingIds = new Set(paying.map((p) => p.program));
  /** @type {Set<string>} */
  const resultIds = new Set(results.map((p) => p.program));
  /** @type {(id: string) => string} a result's label, by its programme (the pages ask for answers with words) */
  const labelOf = (id) => /** @type {string} */ (results.find((p) => p.program === id)?.label);
  /** @type {(ids: string[], keep: Set<string>) => string[]} */
  const names = (ids, keep) => [...new Set(ids.filter((id) => keep.has(id)))].map(labelOf);
  const concerned = new Set(paying.filter((p) => [...est.unofficial, ...est.stale].some((u) => u.usedBy.includes(p.program))));
  return {
    concerned,
    unofficial: est.unofficial.filter((u) => u.usedBy.some((id) => payingIds.has(id)))
      .map((u) => ({ u, now: /** @type {{ label?: string } | null} */ (inForce(u.parameter)) }))
      // The label as the value in force gives it (the catalogue's), or as the catalogue does.
      .map(({ u, now }) => ({ name: u.parameter, label: now?.label ?? paramLabel(u.parameter), affects: names(u.usedBy, payingIds), inForce: now })),
    stale: est.stale.map((s) => ({ ...s, affects: names(s.usedBy, resultIds), inForce: inForce(s.parameter) })),
    assumptions: est.assumptions.map((a) => ({ ...a, affects: names(a.usedBy, resultIds) })),
  };
}

/** An amount, with its path in the estimate. */
function amount(key, value, suffix = ' 元') {
  return el('span', { class: 'amount', 'data-key': key }, value, suffix);
}

/**
 * The one ⚠ of a heading whose amounts rest on non-official or stale figures (the legend under the
 * totals says what it means, once).
 */
function refMark(marked) {
  return marked ? el('span', { class: 'unofficial-figure ref-mark' }, el('span', { class: 'warn', 'aria-hidden': 'true' }, '⚠'),
    el('span', { class: 'sr-only' }, '（含参考值）')) : null;
}

/** A programme's label in a table of amounts: 临时救助 says it is paid once. */
export function amountLabel(c) {
  return nonZero(c?.oneOff) ? `${c.label}（一次性）` : c.label;
}

function badge(eligible, yes = '符合', no = '不符合') {
  return el('span', { class: eligible ? 'badge yes' : 'badge no' }, eligible ? yes : no);
}

/** The totals: monthly payments, the one-off assistance apart, the year's cash, what is paid on the household's behalf. */
export function renderSummary(est, node, basis) {
  const marked = [est.monitoring, ...est.programs].some((p) => basis.concerned.has(p) && p !== est.monitoring);
  const rows = [
    ['每月发放', amount('totalMonthly', est.totalMonthly, ' 元/月'), '低保、特困供养等按月发放的现金'],
  ];
  if (nonZero(est.totalOneOff)) rows.push(['一次性发放', amount('totalOneOff', est.totalOneOff), '临时救助、防贫保险赔付等一次发放，不按月']);
  rows.push(['全年现金合计', amount('totalAnnual', est.totalAnnual, ' 元/年'),
    `测算日期起 12 个月按月发放的逐月相加（年内到期、加发变化的按各月实发计，不一定是每月发放 × 12），加${nonZero(est.totalOneOff) ? `一次性发放 ${est.totalOneOff} 元及` : ''}按年发放的资助`]);
  rows.push(['代缴、实物（不发现金）', amount('totalOnBehalf', est.totalOnBehalf, ' 元/年'), '如养老保险代缴、营养餐']);
  if (nonZero(est.totalEarnings)) {
    rows.push(['岗位劳务报酬', amount('totalEarnings', est.totalEarnings, ' 元/年'), '生态护林员、乡村公益岗位按劳取酬，不计入帮扶合计']);
  }
  const phase = est.transition;
  const notes = [];
  if (marked || basis.stale.length) {
    notes.push(el('p', { class: 'legend' }, el('span', { class: 'warn', 'aria-hidden': 'true' }, '⚠ '),
      basis.stale.length ? `有 ${basis.stale.length} 项数值已超过更新周期，` : '',
      '标 ⚠ 的合计和项目，金额依据非官方参数或按假设计算，仅供参考，以主管部门核定为准。', el('a', { href: '#notice-title' }, '看测算依据说明')));
  }
  const sum = (key) => el('td', {}, amount(key, est[key]));
  const alerts = est.alerts.length ? el('section', { class: 'alerts', 'aria-labelledby': 'alerts-title' },
    el('h4', { id: 'alerts-title' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), `需关注事项（${est.alerts.length} 项）`),
    el('ul', {}, ...est.alerts.map((a) => el('li', { 'data-alert': a.id },
      el('strong', {}, a.label), a.members.length ? `（${a.members.join('、')}）` : '', '：', a.action, ' ', citation(a.citation))))) : null;
  node.replaceChildren(...[
    el('h3', {}, '现金帮扶合计', refMark(marked), el('span', { class: 'phase' }, `${est.asOf} · ${phaseLabel(phase.phase)}${phase.year ? ` 第${phase.year}年` : ''}`)),
    el('dl', { class: 'totals' }, ...rows.flatMap(([label, value, hint]) => [el('dt', {}, label), el('dd', {}, value, el('span', { class: 'hint' }, hint))])),
    ...notes,
    alerts,
    el('details', { class: 'contrib' }, el('summary', {}, '各项目全年金额'),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '项目'), el('th', { scope: 'col' }, '现金（元/年）'),
        el('th', { scope: 'col' }, '代缴、实物（元/年）'), el('th', { scope: 'col' }, '劳务报酬（元/年）'))),
        el('tbody', {}, ...est.contributions.map((c, i) => el('tr', {},
          el('th', { scope: 'row' }, amountLabel(c)), el('td', {}, amount(`contributions[${i}].cashAnnual`, c.cashAnnual)),
          el('td', {}, amount(`contributions[${i}].otherAnnual`, c.otherAnnual)),
          el('td', {}, amount(`contributions[${i}].earningsAnnual`, c.earningsAnnual))))),
        el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, '合计'), sum('totalAnnual'), sum('totalOnBehalf'), sum('totalEarnings'))))),
  ].filter((child) => child !== null));
}

/** A parameter's value in force as words: 441 元/人·月（黑龙江省，2022-01-01 起，转述）. */
export function inForceText(p) {
  if (!p) return '';
  const v = p.value;
  const flag = p.unitLabel.startsWith('是否');
  const unit = p.unitLabel && !flag && !['比例', '日期'].includes(p.unitLabel) ? ` ${p.unitLabel}` : '';
  const value = flag ? (v.value === '1' ? '是' : '否') : v.value;
  if (p.whatIf) return `${value}${unit}（假设值）`;
  return `${value}${unit}（${v.regionName ?? '各地'}，${v.from} 起，${v.statusLabel}）`;
}

/** The value an item rests on and where it comes from, under the item. */
function inForce(p) {
  if (!p) return null;
  return el('span', { class: 'in-force' }, `现用数值：${inForceText(p)}`,
    p.whatIf ? null : el('span', { class: 'source' }, `来源：${p.value.source}`));
}

/** The one notice of what the result rests on that is not official. */
export function renderNotice(basis, node) {
  const affects = (list) => (list.length ? el('span', { class: 'affects' }, `影响：${list.join('、')}`) : null);
  const parts = [];
  if (basis.stale.length) {
    parts.push(el('div', { class: 'stale' },
      el('h4', {}, el('span', { 'aria-hidden': 'true' }, '⚠ '), `已超过更新周期的数值（${basis.stale.length} 项）：请核对当地现行标准`),
      el('ul', {}, ...basis.stale.map((s) => el('li', { 'data-param': s.parameter }, s.text, inForce(s.inForce), affects(s.affects))))));
  }
  if (basis.unofficial.length) {
    parts.push(el('details', { class: 'unofficial' },
      el('summary', {}, `非官方参数（${basis.unofficial.length} 项）：未找到公开的官方数值，采用报道值或示例值`),
      el('ul', {}, ...basis.unofficial.map((u) => el('li', { 'data-param': u.name }, u.label, inForce(u.inForce), affects(u.affects))))));
  }
  if (basis.assumptions.length) {
    parts.push(el('details', { class: 'assumptions' },
      el('summary', {}, `按假设计算（${basis.assumptions.length} 项）：政策文本未写明的规则`),
      el('ul', {}, ...basis.assumptions.map((a) => el('li', { 'data-rule': a.rule }, a.text, affects(a.affects))))));
  }
  node.hidden = parts.length === 0;
  node.replaceChildren(el('h3', { id: 'notice-title', tabindex: '-1' }, '测算依据说明'),
    el('p', { class: 'hint' }, '本户金额所依据的、不是官方公布的数值和规则，各附现用数值及其来源。门户或县里可用本地参数文件替换。'), ...parts);
}

export function renderTransition(t, doc) {
  doc.getElementById('t-phase').textContent = t.year ? `${phaseLabel(t.phase)} · 第${t.year}年` : phaseLabel(t.phase);
  doc.getElementById('t-period').textContent = `${t.start} 至 ${t.end}`;
  const [label, days] = t.phase === 'before' ? ['距过渡期开始', `${t.daysUntilStart} 天`]
    : t.phase === 'transition' ? ['剩余天数', `${t.daysRemaining} 天`] : ['剩余天数', '过渡期已结束'];
  doc.getElementById('t-days-label').textContent = label;
  doc.getElementById('t-days').textContent = days;
  const pilot = doc.getElementById('t-pilot');
  pilot.textContent = t.fundIntegrationPilot ? '适用' : '不适用';
  pilot.className = t.fundIntegrationPilot ? 'yes' : 'no';
  doc.getElementById('t-measures').replaceChildren(...t.measures.map((m) =>
    el('li', { 'data-id': m.id }, m.label, citation(m.citation), el('span', { class: 'until' }, m.until ? `${m.from} 至 ${m.until}` : `${m.from} 起`))));
}

/** How a per-capita figure was reached: the engine's step that gives it. */
function basisStep(p, f) {
  if (!f.unit?.includes('/人') || !f.label.startsWith('人均')) return null;
  return p.steps.find((s) => s.value === f.value && s.text.includes(f.label))?.text ?? null;
}

/** The figures of a result: its monthly and annual amounts, then the facts it lists. */
function facts(p, prefix) {
  const rows = [];
  const row = (label, node, fact, basis) => rows.push(el('dt', {}, label),
    el('dd', fact ? { 'data-fact': label } : {}, node, basis ? el('span', { class: 'basis' }, `计算：${basis}`) : null));
  if (p.monthly) row('每月', amount(`${prefix}.monthly`, p.monthly, ' 元/月'));
  if (p.annual) row(p.monthly ? '全年' : '每年', amount(`${prefix}.annual`, p.annual, ' 元/年'));
  for (const f of p.facts) {
    const suffix = f.unit ? ` ${f.unit}` : '';
    row(f.label, f.key ? amount(`${prefix}.${f.key}`, f.value, suffix) : f.value, !f.key, basisStep(p, f));
  }
  return el('dl', { class: 'facts' }, ...rows);
}

/** What a folded card still shows: its main figure and its first reason. */
function gist(p) {
  const money = p.eligible ? p.facts.find((f) => f.key && f.unit?.startsWith('元') && nonZero(f.value)) : null;
  const figure = nonZero(p.monthly) ? `${p.monthly} 元/月` : nonZero(p.annual) ? `${p.annual} 元/年`
    : money ? `${money.label} ${money.value} ${money.unit}` : '';
  return [figure, p.reasons[0]].filter(Boolean).join('；');
}

function steps(list) {
  if (!list.length) return null;
  return el('details', { class: 'steps-box' }, el('summary', {}, '计算步骤'),
    el('ol', { class: 'steps' }, ...list.map((s) => el('li', {}, s.text, s.value ? el('span', { class: 'value' }, `→ ${s.value}`) : null, s.citation ? citation(s.citation) : null,
      s.documents?.length ? el('span', { class: 'documents' }, s.documents.join('；')) : null))));
}

/** Cards the officer opened (or, on a wide screen, closed), by programme: kept across recomputing. */
const toggled = new Set();
/** On a phone the cards start folded to their figure and reason; on a wide screen, open. */
const folded = () => window.matchMedia('(max-width: 1099px)').matches;

/** One programme's card, whatever the programme: the engine labels its figures. */
function card(p, prefix, basis) {
  const [yes, no] = p.program === 'monitoring' ? ['纳入监测', '不纳入'] : ['符合', '不符合'];
  const fold = el('details', { class: 'fold', open: folded() === toggled.has(p.program) },
    el('summary', {},
      el('h3', { id: `card-${p.program}-title` }, p.label, ' ', badge(p.eligible, yes, no), refMark(basis.concerned.has(p))),
      el('span', { class: 'gist' }, gist(p))),
    facts(p, prefix),
    el('ul', { class: 'reasons' }, ...p.reasons.map((r) => el('li', {}, r))),
    p.citations.length ? el('p', { class: 'hint' }, '政策依据：', ...p.citations.map(citation)) : null,
    steps(p.steps));
  fold.addEventListener('toggle', () => {
    if (fold.open === folded()) toggled.add(p.program); else toggled.delete(p.program);
  });
  return el('section', { class: 'card program', id: `card-${p.program}`, 'data-program': p.program, 'aria-labelledby': `card-${p.program}-title` }, fold);
}

export function renderCards(est, node, basis) {
  node.replaceChildren(card(est.monitoring, 'monitoring', basis), ...est.programs.map((p, i) => card(p, `programs[${i}]`, basis)));
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
