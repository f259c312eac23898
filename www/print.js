// @ts-check
// The printed 测算单: what was entered, the totals, each programme's conclusion, amount, reasons and
// citations, what the result rests on, and lines to sign. Built from the household that was computed
// (not the form, which may have changed since), on A4, in two pages at most for six members.

import { el, context, inForceText } from './results.js';
import { GUARANTEES, MEMBER_FIELDS, optionLabel } from './form.js';

const HOUSEHOLD_MONEY = [['income.business', '家庭经营净收入'], ['income.property', '财产净收入'], ['income.transfer', '转移净收入'],
  ['income.other', '其他净收入'], ['income.exempt', '不计入低保的收入'], ['lastYearIncome', '上年家庭总收入'], ['rigidSpending', '刚性支出']];

const yesNo = (v) => (v ? '是' : '否');

/** A member's row; `capacity` is the labour capacity the rules judged, with why (the explained 特困 result's). */
function memberRow(m, i, regionName, capacity) {
  const f = Object.fromEntries(MEMBER_FIELDS.map((x) => [x.name, x]));
  return el('tr', {},
    el('td', {}, String(i + 1)), el('td', {}, m.id ?? `成员${i + 1}`), el('td', {}, m.birthDate ?? ''),
    el('td', {}, [m.disabilityType ? context.labels.disabilityType?.[m.disabilityType] ?? m.disabilityType : '',
      m.disabilityGrade ? optionLabel(f.disabilityGrade, String(m.disabilityGrade)) : ''].filter(Boolean).join(' ') || '无'),
    el('td', {}, yesNo(m.seriousIllness)),
    el('td', {}, capacity ?? optionLabel(f.laborCapacity, m.laborCapacity ?? '')),
    el('td', {}, optionLabel(f.selfCare, m.selfCare ?? 'full').replace('生活自理能力', '')),
    el('td', {}, m.hasSupporter === false ? '无' : '有'),
    el('td', { class: 'num' }, m.wages ?? ''),
    el('td', {}, m.workRegion ? regionName(m.workRegion) : '本地'),
    el('td', {}, m.schooling ? `${context.labels.schooling?.[m.schooling] ?? m.schooling}${m.boarding ? '·寄宿' : ''}` : '否'));
}

function inputs(h, regionName) {
  const items = [];
  for (const [path, label] of HOUSEHOLD_MONEY) {
    const v = path.split('.').reduce((o, k) => o?.[k], h);
    if (v !== undefined) items.push(`${label} ${v} 元/年`);
  }
  const unsecured = GUARANTEES.filter(([k]) => h.guarantees?.[k] === false).map(([, label]) => label.replace('有保障', ''));
  items.push(unsecured.length ? `未保障：${unsecured.join('、')}` : '“两不愁三保障”及饮水安全：均有保障');
  if (h.housing?.appraisal) items.push(`房屋安全性鉴定：${context.labels.appraisal?.[h.housing.appraisal] ?? h.housing.appraisal}`);
  for (const [i, m] of (h.members ?? []).entries()) {
    const name = m.id ?? `成员${i + 1}`;
    if (m.care) items.push(`${name}：${context.labels.care?.[m.care] ?? m.care}`);
    if (m.insured === false) items.push(`${name}：未参加基本医疗保险`);
    if (m.healthExemptFromSchool) items.push(`${name}：因身体原因不具备学习条件`);
  }
  if (h.events?.length) items.push(`突发事件：${h.events.map((e) => context.labels.event?.[e] ?? e).join('、')}`);
  items.push(`财产状况：${h.assetTestPassed === false ? '经核查不符合规定' : '按经核查符合规定计算（请经办人核实）'}`);
  if (h.onDibao) items.push(`现享受低保${h.dibaoMonthly ? `，${h.dibaoMonthly} 元/月` : ''}`);
  if (h.incomeChangeDate) items.push(`收入超过低保标准的核实日期 ${h.incomeChangeDate}`);
  if (h.stableIncomeMonths !== undefined) items.push(`收入稳定超过监测标准 ${h.stableIncomeMonths} 个月`);
  return el('p', { class: 'inputs' }, items.join('；'), '。');
}

/** A programme's amounts: monthly, then what it adds to the year in cash and on the household's behalf. */
function amountText(p, contribution) {
  const parts = [];
  if (p.monthly) parts.push(`${p.monthly} 元/月`);
  const oneOff = Number(contribution?.oneOff ?? 0);
  if (oneOff) parts.push(`一次性发放 ${contribution.oneOff} 元`);
  if (contribution && Number(contribution.cashAnnual) && !oneOff) parts.push(`现金 ${contribution.cashAnnual} 元/年`);
  if (contribution && Number(contribution.otherAnnual)) parts.push(`代缴、实物 ${contribution.otherAnnual} 元/年`);
  if (contribution && Number(contribution.earningsAnnual)) parts.push(`劳务报酬 ${contribution.earningsAnnual} 元/年`);
  if (!contribution && p.annual) parts.push(`${p.annual} 元/年`);
  return parts.join('，');
}

/** Fill `node` with the sheet of `last` ({ household, asOf, estimate }) and its `basis`. */
export function renderPrintSheet(node, { household: h, estimate: est }, basis, { regionName, paramSet, example = false }) {
  const t = est.transition;
  const statusLabel = context.labels.status?.[h.status ?? 'general'] ?? '';
  const category = h.monitoringCategory ? `（登记为${context.labels.category?.[h.monitoringCategory]}）` : '';
  const meta = [
    h.ref ? `户编号 ${h.ref}` : null,
    `地区 ${regionName(h.region)}`, `${context.labels.area?.[h.area ?? 'rural'] ?? ''}`, `户类型 ${statusLabel}${category}`,
    `测算日期 ${est.asOf}（${context.labels.phase?.[t.phase] ?? t.phase}${t.year ? `第${t.year}年` : ''}）`,
  ].filter(Boolean);
  const results = [est.monitoring, ...est.programs];
  // The labour capacity the rules judged for each member (by age and disability when not given).
  const capacities = (est.programs.find((p) => p.program === 'tekun')?.members ?? []).map((m) => m.laborCapacityText);
  const amountOf = (p) => {
    const text = amountText(p, est.contributions.find((c) => c.program === p.program));
    return text ? `${text}${basis.concerned.has(p) ? ' ⚠' : ''}` : '—';
  };
  const notes = [];
  if (basis.stale.length) notes.push(el('li', {}, el('strong', {}, '已超过更新周期，请核对：'), basis.stale.map((s) => s.text).join('；'), '。'));
  if (basis.unofficial.length) notes.push(el('li', {}, el('strong', {}, '非官方参数：'), basis.unofficial.map((u) => (u.inForce ? `${u.label} ${inForceText(u.inForce)}` : u.label)).join('；'), '。'));
  if (basis.assumptions.length) notes.push(el('li', {}, el('strong', {}, '按假设计算：'), basis.assumptions.map((a) => a.text.replace(/。$/, '')).join('；'), '。'));
  node.replaceChildren(
    el('h1', {}, example ? '过渡期帮扶政策测算单（示例家庭，非真实数据）' : '过渡期帮扶政策测算单'),
    el('p', { class: 'meta' }, meta.join('　')),
    el('h2', {}, `家庭成员（${h.members.length} 人）`),
    el('table', { class: 'members-print' },
      el('thead', {}, el('tr', {}, ...['序号', '姓名或称谓', '出生日期', '残疾等级', '重病', '劳动能力', '自理能力', '法定义务人', '年工资（元）', '务工地', '在校'].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, ...h.members.map((m, i) => memberRow(m, i, regionName, capacities[i])))),
    el('h2', {}, '家庭收入与情况'),
    inputs(h, regionName),
    el('h2', {}, '测算结果'),
    el('p', { class: 'totals-print' },
      `每月发放 ${est.totalMonthly} 元/月；`, Number(est.totalOneOff) ? `一次性发放 ${est.totalOneOff} 元；` : '',
      `全年现金合计 ${est.totalAnnual} 元/年；代缴、实物（不发现金）${est.totalOnBehalf} 元/年。`),
    el('table', { class: 'programs-print' },
      el('thead', {}, el('tr', {}, ...['项目', '结论', '金额', '理由', '依据'].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, ...results.map((p) => el('tr', { 'data-program': p.program },
        el('th', { scope: 'row' }, p.label),
        el('td', { class: 'verdict' }, p.program === 'monitoring' ? (p.eligible ? '纳入监测' : '不纳入') : (p.eligible ? '符合' : '不符合')),
        el('td', { class: 'amount' }, amountOf(p)),
        el('td', {}, p.reasons.join(' ')),
        el('td', { class: 'cites' }, p.citations.join(' ')))))),
    // Only a sheet with something to note has the section (replaceChildren would print a null).
    ...(notes.length ? [el('div', { class: 'notes' }, el('h2', {}, '测算依据说明（标 ⚠ 的金额仅供参考）'), el('ul', {}, ...notes))] : []),
    // The statement and the lines to sign stay together, never alone on a page, and repeat the
    // household's result: the page that is signed always says what was signed for.
    el('div', { class: 'sign-off' },
      el('p', { class: 'sign-summary' },
        `本户（${h.ref ? `户编号 ${h.ref}，` : ''}${h.members[0]?.id ?? '#1'}${h.members.length > 1 ? `等 ${h.members.length} 人` : ''}，${regionName(h.region)}）测算日期 ${est.asOf}：`,
        `每月发放 ${est.totalMonthly} 元/月，全年现金合计 ${est.totalAnnual} 元/年。`),
      el('p', { class: 'disclaimer' }, `本测算单依据公开政策文件和参数集“${paramSet}”计算，仅供参考，以主管部门审核认定为准。`),
      el('div', { class: 'signatures' },
        el('span', {}, '经办人：', el('span', { class: 'line' })),
        el('span', {}, '审核人：', el('span', { class: 'line' })),
        el('span', {}, '日期：', el('span', { class: 'line' })))),
  );
}
