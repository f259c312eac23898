// What an independent review against the policy text found in the words of answers (figures were
// right): ids of lean answers with no words, "低于" between two equal figures, choices of this
// calculator read as the policy, an aged-out orphan's card without a reason. Each test names the
// household, the expected answer with its arithmetic and source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, labels } from 'zhenxing';

const engine = new PolicyEngine();

// 1. A lean answer's ids must all have words (README: "every programme result says why in reason ids
//    … and describe(id, asOf) gives any parameter, rule or reason id in words"; the review brief:
//    labels() and describe(id, asOf) give the words for every id that appears).
//    Household: a 脱贫户 in 延寿县 (230129, a 脱贫县 and, in the illustrative parameters, a
//    营养改善计划 county) with a boarding junior-school pupil, a senior-high pupil and a
//    higher-vocational student, on the transition period's last day, 2025-12-31.
//    Expected aids: nutrition 5 元/天 × 200 天 = 1000; boarding (junior) 1250; 高中国家助学金 2000;
//    雨露计划 3000 a year, its window ending that day: 1 month left, 3000 ÷ 12 × 1 = 250
//    (rule annual.endsWithinYear): 4500 元/年. The lean answer names the aids
//    `nutrition`, `boarding`, `seniorHighGrant`, `yulu`, the transition phase `transition`, and
//    (an elderly 特困 person's) care services `visitCare`, `institutionalCare`: a page showing a
//    lean answer needs words for each (labels().aid, .service, .phase).
const students = {
  region: '230129', area: 'rural', status: 'alleviated',
  members: [
    { birthDate: '1975-06-01', wages: '30000' }, { birthDate: '1977-06-01' },
    { birthDate: '2011-06-01', schooling: 'junior', boarding: true },
    { birthDate: '2008-06-01', schooling: 'senior' },
    { birthDate: '2006-06-01', schooling: 'higherVocational' },
  ],
  income: { business: '10000' },
};
const tekunAlone = {
  region: '230123', area: 'rural',
  members: [{ birthDate: '1953-05-10', hasSupporter: false, selfCare: 'partial' }],
};

function hasWords(id, asOf) {
  const all = labels();
  if (Object.values(all).some((table) => typeof table[id] === 'string')) return true;
  try { return Boolean(engine.describe(id, asOf).text); } catch { return false; }
}

test('review: every id of a lean estimate has words (aids, care services, transition phase)', () => {
  const asOf = '2025-12-31';
  const a = engine.estimate(students, asOf, { explain: false });
  const education = a.programs.find((p) => p.program === 'education');
  assert.equal(education.annual, '4500.00'); // 1000 + 1250 + 2000 + 250
  const b = engine.estimate(tekunAlone, asOf, { explain: false });
  const care = b.programs.find((p) => p.program === 'careServices');
  const ids = [
    ...education.students.flatMap((s) => s.aids.map((x) => x.id)),
    ...care.members.flatMap((m) => m.services.map((x) => x.id)),
    a.transition.phase,
  ];
  const missing = ids.filter((id) => !hasWords(id, asOf));
  assert.deepEqual(missing, [], `ids without words in labels() or describe(): ${missing.join(', ')}`);
});

// 2. A reason a member of staff reads out must not contradict itself. Household (延寿县, rural, two
//    adults aged 39 and 40, business income 10583.99 元/年) on 2024-06-30: standard 441 元/人·月
//    (province, from 2022-01-01). Per-capita monthly income = 10583.99 ÷ 12 ÷ 2 = 440.9995… < 441,
//    so the household is eligible (民发〔2021〕57号: 低于标准) and 补差 = 441 × 2 − 881.999… =
//    0.0008 → 0.00 元/月. To the fen the income reads 441.00, and the words must not say "人均月收入 441.00 元低于低保标准
//    441.00 元" — a figure "below" an equal figure. The same happens at the 低保边缘 line
//    (1.5 × 441 = 661.50; 23813.99 ÷ 12 ÷ 3 = 661.4997…: "人均 661.50 元低于边缘线").
test('review: a "低于" sentence never compares two equal figures', () => {
  const asOf = '2024-06-30';
  const atStandard = {
    region: '230129', area: 'rural',
    members: [{ birthDate: '1984-01-01' }, { birthDate: '1985-01-01' }],
    income: { business: '10583.99' },
  };
  const atMarginal = {
    region: '230123', area: 'rural',
    members: [{ birthDate: '1980-01-01', disabilityGrade: 1, disabilityType: 'visual' },
      { birthDate: '1982-01-01' }, { birthDate: '1984-01-01' }],
    income: { business: '23813.99' },
  };
  for (const h of [atStandard, atMarginal]) {
    const dibao = engine.estimate(h, asOf, { explain: true }).programs.find((p) => p.program === 'dibao');
    const sentences = [...dibao.reasons, ...dibao.steps.map((s) => s.text)];
    for (const s of sentences) {
      const m = s.match(/([\d,]+\.\d{2}) 元低于[^\d]*?([\d,]+\.\d{2}) 元/) ?? s.match(/人均 ([\d,]+\.\d{2}) 元低于边缘线/);
      if (!m) continue;
      const line = m[2] ?? (s.match(/= ([\d,]+\.\d{2}) 元\/月/) ?? [])[1];
      assert.notEqual(m[1], line, `self-contradictory sentence: ${s}`);
    }
  }
});

// 3. A choice of this calculator must not be presented as the policy text. 三(六) says only
//    "统筹用好乡村公益岗位 … 促进弱劳力、半劳力等家庭就近就地解决就业" and "生态护林员 … 优先保障
//    脱贫不稳定户、边缘易致贫户"; it limits neither to 脱贫户 and 监测户 (docs/rules.md agrees:
//    publicPost.household "原文未限定人群", forestRanger.household "原文只写优先"). For a 72-year-old
//    特困 person living alone (依兰县, 2025-12-31), the steps read "一般农户：乡村公益岗位面向脱贫户、
//    监测户，本户不属" and "生态护林员从脱贫户、监测户中选聘", cited 三(六), with no word that this is
//    the calculator's assumption — whereas the urban employment deduction's step does say
//    "本计算器的假设". (Her figures are right: 特困 1.3 × 441 = 573.30 → 574 in Harbin + 半护理 440
//    = 1014.00 元/月.)
test('review: assumption steps that restate the policy say they are the calculator\'s assumption', () => {
  const asOf = '2025-12-31';
  const r = engine.estimate(tekunAlone, asOf, { explain: true });
  assert.equal(r.totalMonthly, '1014.00');
  const steps = r.programs.flatMap((p) => p.steps ?? [])
    .filter((s) => s.rule === 'publicPost.household' || s.rule === 'forestRanger.household');
  assert.ok(steps.length > 0);
  for (const s of steps) assert.match(s.text, /假设/, `${s.rule} (${s.citation}) reads as policy: ${s.text}`);
});

// 4. An explained answer says in words why a programme stopped. Household: a 社会散居孤儿 living
//    alone in 延寿县, born 2004-09-01, on 2022-09-01 (her 18th birthday). Expected: the allowance
//    stops at 18 (未成年人: under 18; docs/rules.md orphanAllowance.age), 0.00 元 — the package
//    agrees and gives why = ['orphanAllowance.agedOut'], but its explained `reasons` is empty
//    (only paid children get a sentence), so the staff card says nothing about why it stopped;
//    the day before, the same card reads "孤儿：社会散居孤儿基本生活费 1200.00 元/月。". She is out of
//    school: one still at 普通高中 or above keeps the allowance past 18 (orphanAllowance.atSchool).
test('review: an aged-out orphan\'s explained answer carries the reason sentence', () => {
  const h = {
    region: '230129', area: 'rural',
    members: [{ birthDate: '2004-09-01', care: 'orphanDispersed', hasSupporter: false }],
  };
  const before = engine.orphanAllowance(h, '2022-08-31', { explain: true });
  assert.equal(before.monthly, '1200.00');
  const p = engine.orphanAllowance(h, '2022-09-01', { explain: true });
  assert.equal(p.eligible, false);
  assert.deepEqual(p.why, ['orphanAllowance.agedOut']);
  assert.ok(p.reasons.length > 0, 'why has orphanAllowance.agedOut but reasons is empty');
});

// 5. A reason's fixed sentence must not contradict the figures it sits beside (second review,
//    2026-12-07). G2: a 脱贫户 in 延寿县 already on 低保 (500 元/月) whose wages rose on 2026-01-15:
//    on 2026-06-30 per capita (24000 + 1000) / 12 / 2 = 1041.67 ≥ 441, so it is in 渐退期 and still a
//    低保 household paid 500.00 a month; its reasons said "整户不符合低保条件". T1: an old man without a
//    supporter (特困, his card's figure not checked here) and his nephew of partial capacity: 低保 covers the nephew alone, 441 − 1200 / 12 = 391.00 a month;
//    its reasons said "整户纳入低保" beside 特困 for one of the two.
test('review: 低保 reasons never say the whole household when they do not mean it', () => {
  const words = labels().reason;
  const g2 = {
    region: '230129', area: 'rural', status: 'alleviated', onDibao: true, dibaoMonthly: 500,
    incomeChangeDate: '2026-01-15',
    members: [{ id: '甲', birthDate: '1980-01-01', wages: 24000 }, { id: '乙', birthDate: '1982-01-01' }],
    income: { business: 1000 },
  };
  const exit = engine.dibao(g2, '2026-06-30', { explain: false });
  assert.equal(exit.eligible, true);
  assert.equal(exit.monthly, '500.00');
  assert.equal(exit.route, 'gradualExit');
  for (const id of exit.why) assert.doesNotMatch(words[id], /不符合低保条件/, id);
  const t1 = {
    region: '230129', area: 'rural', status: 'general',
    members: [{ id: '老', birthDate: '1945-01-01', hasSupporter: false }, { id: '侄', birthDate: '1985-01-01', laborCapacity: 'partial' }],
    income: { business: 1200 },
  };
  const d = engine.dibao(t1, '2026-06-30', { explain: false });
  assert.equal(d.monthly, '391.00');
  assert.ok(d.why.includes('dibao.tekunMembersOut'));
  for (const id of d.why) assert.doesNotMatch(words[id], /整户/, id);
});

// 6. A 渐退 period with no recorded start is the calculator's choice and says so (a new user's
//    trial, 2026-12-07). A 脱贫户 in 延寿县 on 低保 (320 元/月) whose wages lifted it: without wages
//    1000 / 12 / 2 = 41.67 < 441, with them (1000 + 24000 − 2 × 1910) / 12 / 2 = 882.50 ≥ 441: 渐退,
//    6 months. With no incomeChangeDate the period starts on whatever date is computed, so every
//    date is inside it (2025-12-31 → 2026-06-29): rule dibao.gradualExitStart, an assumption, is
//    listed and said in a marked step. With the date 2025-06-01 the period is 2025-06-01 to
//    2025-11-30: over on 2025-12-31, and no assumption about its start.
test('review: a 渐退 period counted from the date computed for says it is an assumption', () => {
  const h = {
    region: '230129', area: 'rural', status: 'alleviated', onDibao: true, dibaoMonthly: 320,
    members: [{ id: '甲', birthDate: '1980-01-01', wages: 24000 }, { id: '乙', birthDate: '1982-01-01' }],
    income: { business: 1000 },
  };
  const undated = engine.dibao(h, '2025-12-31', { explain: true });
  assert.equal(undated.route, 'gradualExit');
  assert.equal(undated.gradualExit.until, '2026-06-29');
  assert.ok(undated.assumptions.some((a) => a.rule === 'dibao.gradualExitStart'));
  const step = undated.steps.find((s) => s.rule === 'dibao.gradualExitStart');
  assert.match(step.text, /本计算器的假设/);
  const dated = engine.dibao({ ...h, incomeChangeDate: '2025-06-01' }, '2025-12-31', { explain: true });
  assert.equal(dated.gradualExit.until, '2025-11-30');
  assert.equal(dated.eligible, false);
  assert.ok(!dated.assumptions.some((a) => a.rule === 'dibao.gradualExitStart'));
});
