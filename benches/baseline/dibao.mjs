// The 低保 rule as a portal developer would write it by hand in JavaScript with decimal.js, from the
// rules the package's contract states (docs/api.md, "低保"): the yardstick the benchmarks measure the
// engine against. Figures come from the engine's own default parameter set, read once, as a
// developer would load a table of standards.
import Decimal from 'decimal.js';

const ZERO = new Decimal(0);
const fen = (d) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Parameter lookup: the most specific region (county, prefecture, province, everywhere) that has a
 *  value in force on the date, and of its values the latest. */
export function figures(parametersJson) {
  const byName = new Map();
  for (const p of JSON.parse(parametersJson).parameters) {
    const byRegion = new Map();
    for (const v of p.values) {
      const key = v.region ?? '';
      if (!byRegion.has(key)) byRegion.set(key, []);
      byRegion.get(key).push(v);
    }
    for (const list of byRegion.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
    byName.set(p.name, byRegion);
  }
  return (name, region, asOf) => {
    const byRegion = byName.get(name);
    for (const key of [region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`, '']) {
      const list = byRegion.get(key);
      if (!list) continue;
      let found;
      for (const v of list) if (v.from <= asOf) found = v;
      if (found) return found.value;
    }
    throw new Error(`no ${name} for ${region} on ${asOf}`);
  };
}

function age(birthDate, asOf) {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = asOf.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The 低保 rule: { eligible, monthly, annual } as decimal strings. */
export function dibao(value, h, asOf) {
  const fig = (name, region = h.region) => new Decimal(value(name, region, asOf));
  const area = h.area ?? 'rural';
  const standard = fig(`dibao.standard.${area}`);
  const n = h.members.length;
  const months = fig('dibao.employmentCostMonths');
  let wages = ZERO;
  let deduction = ZERO;
  for (const m of h.members) {
    const w = new Decimal(m.wages ?? 0);
    wages = wages.plus(w);
    const a = age(m.birthDate, asOf);
    const severe = m.disabilityGrade === 1 || m.disabilityGrade === 2;
    const labor = m.laborCapacity ?? (a >= 16 && a <= 59 && !severe ? 'full' : 'none');
    if (w.gt(0) && labor !== 'none') {
      const where = m.workRegion ?? h.region;
      const wage = fig(`minimumWage.tier${value('minimumWage.tier', where, asOf)}`, where);
      deduction = deduction.plus(Decimal.min(w, months.times(wage)));
    }
  }
  const i = h.income ?? {};
  const other = ['business', 'property', 'transfer', 'other'].reduce((s, k) => s.plus(i[k] ?? 0), ZERO);
  const counted = other.plus(wages).minus(deduction);
  const perCapita = counted.div(12).div(n);
  const rates = [fig('dibao.supplement.severeDisability'), fig('dibao.supplement.seriousIllness'),
    fig('dibao.supplement.elderly'), fig('dibao.supplement.minor')];
  const elderlyAge = fig('dibao.elderlyAge').toNumber();
  const supplement = (m) => {
    const a = age(m.birthDate, asOf);
    const groups = [m.disabilityGrade === 1 || m.disabilityGrade === 2, m.seriousIllness === true, a >= elderlyAge, a < 18];
    const rate = groups.reduce((best, yes, k) => (yes && rates[k].gt(best) ? rates[k] : best), ZERO);
    return fen(rate.times(standard));
  };
  let monthly = ZERO;
  const eligible = perCapita.lt(standard) && h.assetTestPassed !== false;
  if (eligible) {
    // (standard − per capita) × n, as standard × n − counted ÷ 12: exact when a month's income
    // ends in half a fen, where the per-capita figure would be cut at decimal.js's precision.
    monthly = fen(standard.times(n).minus(counted.div(12)));
    for (const m of h.members) monthly = monthly.plus(supplement(m));
  } else if (n >= 2 && perCapita.lt(fig('dibao.marginalMultiple').times(standard)) && h.assetTestPassed !== false) {
    // 单人户: each severely disabled or seriously ill member alone, at the average subsidy + 加发;
    // a household of one has just failed the test it would be taken alone by.
    const average = fig('dibao.averageSubsidy');
    for (const m of h.members) {
      if (m.disabilityGrade === 1 || m.disabilityGrade === 2 || m.seriousIllness === true) {
        monthly = monthly.plus(fen(average)).plus(supplement(m));
      }
    }
  }
  return { eligible: monthly.gt(0), monthly: monthly.toFixed(2), annual: monthly.times(12).toFixed(2) };
}
