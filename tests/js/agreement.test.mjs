// What an independent review found in answers that disagreed with each other (figures were right):
// 康复救助's ceiling was 55000.00 in the estimate but 0.00 in every row, and a lost ceiling read as
// money lost; 临时救助's annual figure was 0.00 in compareDates but its amount everywhere else; lean ids
// with no words (a housing measure, a temporary severity, a 特困 care level) and change reason ids
// that describe() refused. Each test names the household and works the expected answer by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, labels } from 'zhenxing';

const engine = new PolicyEngine();

// R1: 延寿县, a general household; the son, born 2019-01-01, has a grade-2 hearing disability. On
// 2025-12-31 he is 6 (≤ childRehabilitation.ageMax 6): 康复训练 20000 + 辅助器具适配 5000 + 手术
// 30000 = 55000.00 a year at most, paid to the institution; on 2026-01-01 he is 7: not eligible.
// Income 40000 + 30000 is far above 低保 (441 × 12 × 2 = 10584): no cash support, totalAnnual 0.00.
const r1 = {
  region: '230129', area: 'rural', status: 'general',
  members: [{ id: '父', birthDate: '1985-01-01', wages: 40000 },
    { id: '子', birthDate: '2019-01-01', disabilityType: 'hearing', disabilityGrade: 2 }],
  income: { business: 30000 },
};
// H6: 龙江县, 返贫 after an illness (rigid spending 8000). 低保 9407.04 a year on 2025-11-30 and
// 9726.96 on 2025-12-01 (the minimum wage rises, so the employment deduction does); 临时救助 fills a
// year of the standard, 441 × 12 × 2 = 10584, plus the 2000 spending beyond income (6000 − 8000),
// less 低保 before its monthly is rounded to the fen (783.9166… and 810.5833… × 12 = 9407.00 and
// 9727.00): 10584 + 2000 − 9407 = 3177.00, then 10584 + 2000 − 9727 = 2857.00.
const h6 = {
  region: '230221', area: 'rural', status: 'returned', monitoringCategory: 'suddenHardship',
  members: [{ id: 'A', birthDate: '1966-12-31', seriousIllness: true }, { id: 'B', birthDate: '1970-01-01', wages: 5000 }],
  income: { business: 1000 }, rigidSpending: 8000, events: ['illness'],
};

const at = (list, id) => list.find((p) => p.program === id);

test('review: 康复救助 says its ceiling, 55000.00, in the estimate, screen, screenColumns and screenMany alike', () => {
  const day = '2025-12-31';
  const e = engine.estimate(r1, day);
  assert.equal(at(e.programs, 'childRehabilitation').annual, '55000.00');
  assert.equal(e.totalAnnual, '0.00');
  assert.equal(e.totalOnBehalf, '0.00', 'a ceiling is in no total');
  const row = engine.screen(r1, day);
  assert.equal(at(row.programs, 'childRehabilitation').annual, '55000.00');
  assert.equal(row.totalAnnual, '0.00');
  assert.equal(at(engine.screenMany([r1], day)[0].screening.programs, 'childRehabilitation').annual, '55000.00');
  const cols = engine.screenColumns([r1], day);
  const c = cols.programs.childRehabilitation;
  assert.deepEqual([c.eligible[0], c.annualFen[0], c.onBehalfFen[0]], [1, 5_500_000, 0]);
  assert.equal(labels().amount.childRehabilitation, '最高额，不计入合计');
});

test('review: a child ageing out of 康复救助 is a change of eligibility, not 55000.00 lost, in every comparison', () => {
  const [from, to] = ['2025-12-31', '2026-01-01'];
  const c = engine.compareDates(r1, from, to);
  const p = at(c.programs, 'childRehabilitation');
  assert.deepEqual([p.baselineEligible, p.alternativeEligible], [true, false]);
  assert.deepEqual([p.annualBaseline, p.annualAlternative, p.annualDifference, p.difference], ['0.00', '0.00', '0.00', '0.00']);
  assert.deepEqual(p.why, ['memberAged']);
  assert.deepEqual(p.reasons, ['残疾儿童康复救助不再符合条件（原每年最高 55000.00 元，是结算上限，不是现金，不计入金额变化）：成员年龄变化（如年满16、18或60周岁）。']);
  assert.doesNotMatch(p.reasons[0], /减少/);
  const many = engine.compareDatesMany([r1], from, to);
  const h = at(many.households[0].programs, 'childRehabilitation');
  assert.deepEqual([h.eligibleBefore, h.eligibleAfter, h.annualBefore, h.annualAfter], [true, false, p.annualBaseline, p.annualAlternative]);
  const s = at(many.summary.programs, 'childRehabilitation');
  assert.deepEqual([s.noLongerEligible, s.losing, s.difference], [1, 0, '0.00']);
});

test('review: 临时救助\'s annual figure is its one-off amount in compareDates as in compareDatesMany', () => {
  const [from, to] = ['2025-11-30', '2025-12-01'];
  const c = engine.compareDates(h6, from, to);
  const t = at(c.programs, 'temporary');
  assert.deepEqual([t.annualBaseline, t.annualAlternative, t.annualDifference], ['3177.00', '2857.00', '-320.00']);
  assert.deepEqual([t.baseline, t.alternative], ['3177.00', '2857.00']);
  const many = engine.compareDatesMany([h6], from, to);
  const m = at(many.households[0].programs, 'temporary');
  assert.deepEqual([m.annualBefore, m.annualAfter], [t.annualBaseline, t.annualAlternative]);
  // Every programme: compareDates' annual figures are compareDatesMany's.
  for (const p of c.programs) {
    const q = at(many.households[0].programs, p.program);
    assert.deepEqual([q.annualBefore, q.annualAfter], [p.annualBaseline, p.annualAlternative], p.program);
  }
  // It followed 低保's amount (the members under 低保 did not change): the words say so.
  assert.match(labels().change.followsAssistance, /临时救助看低保、特困的金额/);
});

test('review: lean ids have words: a housing measure, a temporary severity, a 特困 care level', () => {
  const l = labels();
  // A 脱贫户 in 延寿县 whose house is appraised D: 危房改造 by rebuilding (三(八)).
  const house = engine.estimate({ region: '230129', status: 'alleviated', housing: { appraisal: 'D' },
    members: [{ birthDate: '1960-01-01' }], income: { business: '3000' } }, '2025-06-01', { explain: false });
  const measure = at(house.programs, 'housing').measure;
  assert.equal(measure, 'rebuild');
  assert.equal(l.housingMeasure[measure], 'D级危房拆除重建');
  assert.deepEqual(Object.keys(l.housingMeasure), ['repair', 'rebuild', 'seismic']);
  // H6's spending 8000 on an income of 6000 is severe: its lean 临时救助 says `severe`.
  const lean = engine.estimate(h6, '2025-11-30', { explain: false });
  const severity = at(lean.programs, 'temporary').severity;
  assert.equal(severity, 'severe');
  assert.match(l.severity[severity], /^严重困难/);
  assert.deepEqual(Object.keys(l.severity), ['general', 'severe']);
  // An elderly person alone, partly unable to look after herself: 特困, care standard 半护理.
  const tekun = engine.estimate({ region: '230129', members: [{ birthDate: '1945-01-01', hasSupporter: false, selfCare: 'partial' }] },
    '2025-06-01', { explain: false });
  const level = at(tekun.programs, 'tekun').members[0].careLevel;
  assert.equal(level, 'partial');
  assert.equal(l.careLevel[level], '半护理');
  assert.deepEqual(l.careLevel, { full: '全自理', partial: '半护理', none: '全护理' });
});

test('review: describe() gives a comparison\'s reason ids their words, as labels().change', () => {
  const change = labels().change;
  const c = engine.compareDates(r1, '2025-12-31', '2026-01-01', { explain: false });
  const ids = c.programs.flatMap((p) => p.why);
  assert.ok(ids.includes('memberAged'), ids.join());
  for (const id of [...ids, ...Object.keys(change)]) {
    const d = engine.describe(id, '2026-01-01');
    assert.equal(d.reason.text, change[id], id);
    assert.equal(d.text, change[id], id);
  }
  assert.equal(engine.describe('periodEnded', '2026-01-01').text, '过渡期结束，只在过渡期内适用的政策不再适用');
});
