// Whole-household estimates, batches, curves and what-if comparisons through the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError, labels } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';
const elder = (other) => ({ region: '230129', members: [{ birthDate: '1958-01-01' }], income: { other } });

test('estimateMany: one bad household gives its own error item and the rest go on', () => {
  const items = engine.estimateMany([elder('3000'), { region: '230129', members: [] }, elder(3000), { region: '230129', members: [{ birthDate: '1958-01-01', wage: 1 }] }], asOf);
  assert.equal(items.length, 4);
  assert.equal(items[0].ok, true);
  // 人均 250 → 补差 191 + 加发 44.10 = 235.10/月; × 12 = 2821.20.
  assert.equal(items[0].estimate.totalMonthly, '235.10');
  assert.equal(items[0].estimate.totalAnnual, '2821.20');
  assert.deepEqual(items[1], { ok: false, error: { code: 'OUT_OF_RANGE', path: 'members', message: items[1].error.message } });
  assert.deepEqual(items[2], items[0], 'number and string money give the same estimate');
  assert.equal(items[3].error.path, 'members[0].wage');
  assert.equal(items[3].error.code, 'INVALID_INPUT');
});

test('estimateMany refuses what is not a batch, and a bad date for all', () => {
  assert.throws(() => engine.estimateMany(elder(1), asOf), (e) => e instanceof PolicyError && e.code === 'INVALID_INPUT');
  assert.throws(() => engine.estimateMany([elder(1)], '2023-02-29'), (e) => e.code === 'INVALID_DATE' && e.path === 'asOf');
  assert.deepEqual(engine.estimateMany([], asOf), []);
});

test('estimateMany equals estimate one by one, with words or without', () => {
  const households = Array.from({ length: 50 }, (_, i) => elder(String(i * 137)));
  const batch = engine.estimateMany(households, asOf, { explain: true });
  batch.forEach((item, i) => assert.deepEqual(item.estimate, engine.estimate(households[i], asOf)));
  // A batch is unexplained unless asked, a single call explained unless asked.
  const lean = engine.estimateMany(households, asOf);
  lean.forEach((item, i) => assert.deepEqual(item.estimate, engine.estimate(households[i], asOf, { explain: false })));
});

test('estimateMany without words: the same figures, no Chinese text', () => {
  const households = [elder('3000'), { region: '230102', members: [{ birthDate: '1980-01-01', wages: 30000 }] }];
  const lean = engine.estimateMany(households, asOf);
  const full = engine.estimateMany(households, asOf, { explain: true });
  assert.deepEqual(lean.map((i) => i.estimate.totalAnnual), full.map((i) => i.estimate.totalAnnual));
  lean.forEach((item, i) => item.estimate.programs.forEach((p, j) => {
    const f = full[i].estimate.programs[j];
    assert.deepEqual([p.program, p.eligible, p.monthly, p.annual, p.why], [f.program, f.eligible, f.monthly, f.annual, f.why]);
    for (const words of ['label', 'steps', 'reasons', 'facts', 'citations']) assert.ok(!(words in p), `${p.program}.${words}`);
  }));
  assert.ok(full[0].estimate.programs[0].steps.length > 0);
  // No CJK character in the lean answer (the members here have no ids, so nothing of theirs echoes).
  assert.doesNotMatch(JSON.stringify(lean), /[\u2e80-\u9fff\uff00-\uffef]/);
  // 人均 3000 ÷ 12 = 250 < 441: 低保, with the reason ids a page can label.
  assert.deepEqual(lean[0].estimate.programs[0].why, ['dibao.incomeBelowStandard', 'dibao.supplement']);
  // Each household keeps its own region's transition status: 延寿县 is a 脱贫县, 道里区 is not.
  assert.equal(lean[0].estimate.transition.fundIntegrationPilot, true);
  assert.equal(lean[1].estimate.transition.fundIntegrationPilot, false);
});

test('screen and screenMany: one row of figures per household', () => {
  // 人均 3000 ÷ 12 = 250 → 补差 441 − 250 = 191 + 老人加发 0.1 × 441 = 44.10 → 235.10/月, 2821.20/年.
  const row = engine.screen(elder('3000'), asOf);
  assert.deepEqual(row.programs[0], { program: 'dibao', eligible: true, monthly: '235.10', annual: '2821.20' });
  assert.equal(row.totalMonthly, '235.10');
  assert.equal(row.totalAnnual, '2821.20');
  // Every household programme, in the engine's order (the order of an estimate's programs).
  assert.deepEqual(row.programs.map((p) => p.program), engine.estimate(elder('3000'), asOf).programs.map((p) => p.program));
  assert.deepEqual(row.programs.slice(0, 5).map((p) => p.program), ['dibao', 'tekun', 'temporary', 'pension', 'education']);
  // Each once, each with its Chinese name in labels() (no count written here: a new programme adds one).
  const ids = row.programs.map((p) => p.program);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => typeof labels().program[id] === 'string'), ids.join());
  const items = engine.screenMany([elder('3000'), { region: '230129', members: [{ birthDate: '2999-01-01' }] }], asOf);
  assert.deepEqual(items[0], { ok: true, screening: row });
  assert.equal(items[1].ok, false);
  assert.equal(items[1].error.path, 'members[0].birthDate');
  assert.deepEqual(engine.screenMany([], asOf), []);
});

test('incomeCurve validates its options', () => {
  assert.throws(() => engine.incomeCurve(elder(0), asOf, { from: 0, to: 100, step: 0 }), (e) => e.code === 'OUT_OF_RANGE' && e.path === 'opts.step');
  assert.throws(() => engine.incomeCurve(elder(0), asOf, { from: 0, to: 1e9, step: 1 }), (e) => e.code === 'OUT_OF_RANGE');
  assert.throws(() => engine.incomeCurve(elder(0), asOf, { from: 0, step: 1 }), (e) => e.code === 'INVALID_INPUT' && e.path === 'opts.to');
});

test('compare with itself changes nothing', () => {
  const c = engine.compare(elder('3000'), asOf, engine);
  assert.equal(c.totalDifference, '0.00');
  assert.ok(c.programs.every((p) => p.difference === '0.00'));
});

test('compare gives each programme\'s own annual amount beside its cash', () => {
  // H06 of the golden county register (tests/registers/county/README.md): a 脱贫户 in 延寿县 of two
  // aged 42 and 40 with 10800 a year of business income, on 2025-06-01: 10800 ÷ 12 ÷ 2 = 450 a month
  // each, not below 441, so no 低保; at 471: (471 − 450) × 2 = 42.00 a month, 504.00 a year. On 低保
  // the two get 养老保险代缴 2 × 100 = 200.00 (none before), and 分类资助参保 2 × 280 = 560.00 instead
  // of 2 × 200 = 400.00 as 脱贫户. Neither is cash, so their cash columns stay 0.00.
  const h = { region: '230129', status: 'alleviated', income: { business: '10800' },
    members: [{ birthDate: '1983-03-01' }, { birthDate: '1985-03-01' }] };
  const c = engine.compare(h, '2025-06-01', engine.withOverrides({ 'dibao.standard.rural': '471' }));
  const row = (id) => c.programs.find((p) => p.program === id);
  const annual = (id) => [row(id).annualBaseline, row(id).annualAlternative, row(id).annualDifference];
  assert.deepEqual(annual('dibao'), ['0.00', '504.00', '504.00']);
  assert.equal(row('dibao').difference, '504.00');
  assert.deepEqual(annual('pension'), ['0.00', '200.00', '200.00']);
  assert.deepEqual([row('pension').baseline, row('pension').alternative], ['0.00', '0.00']);
  assert.deepEqual(annual('medicalPremium'), ['400.00', '560.00', '160.00']);
  assert.equal(row('medicalPremium').difference, '0.00');
  assert.equal(c.totalDifference, '504.00');
});

test('an estimate keeps cash, amounts paid on the household\'s behalf and pay for a post apart, and raises alerts', () => {
  const h = { region: '230129', status: 'alleviated', guarantees: { water: false }, income: { transfer: '20000' },
    members: [{ id: '户主', birthDate: '1975-01-01', laborCapacity: 'partial' },
              { id: '孙子', birthDate: '2014-01-01', care: 'orphanDispersed', schooling: 'primary' },
              { id: '孙女', birthDate: '2012-01-01', insured: false }] };
  const e = engine.estimate(h, asOf);
  const fen = (s) => Math.round(Number(s) * 100);
  const sum = (k) => e.contributions.reduce((t, c) => t + fen(c[k]), 0);
  assert.equal(sum('cashAnnual'), fen(e.totalAnnual));
  assert.equal(sum('otherAnnual'), fen(e.totalOnBehalf));
  assert.equal(sum('earningsAnnual'), fen(e.totalEarnings));
  // 散居孤儿 in cash: 延寿县 is in Harbin, whose 2023 standard is 2593 ÷ 1.088 = 2383.27 → 2383 a month
  // (illustrative, derived from its 2024 one); the public post (半劳力) 500 a month is pay, not support.
  assert.equal(e.programs.find((p) => p.program === 'orphanAllowance').monthly, '2383.00');
  assert.equal(e.programs.find((p) => p.program === 'publicPost').monthly, '500.00');
  assert.equal(e.totalEarnings, '6000.00');
  // 户主: partial labour capacity and no wages, and the household is not under 低保 (555.56 ≥ 441).
  assert.deepEqual(e.alerts.map((a) => a.id), ['schoolDropout', 'coverageGap', 'uninsured', 'waterUnsafe']);
  assert.deepEqual(e.alerts[0].members, ['孙女']);
  for (const a of e.alerts) assert.equal(labels().alert[a.id], a.label);
  assert.deepEqual(engine.screen(h, asOf).alerts, ['schoolDropout', 'coverageGap', 'uninsured', 'waterUnsafe']);
});

test('every household programme of labels() has its method', () => {
  const h = { region: '230129', members: [{ birthDate: '1980-01-01' }] };
  for (const id of ['medicalPremium', 'housing', 'publicPost', 'forestRanger', 'orphanAllowance', 'childRehabilitation', 'careServices', 'povertyInsurance']) {
    assert.ok(labels().program[id], id);
    assert.equal(engine[id](h, asOf).program, id);
  }
});

test('a lean answer says why with ids labels() names, and a lean transition has no words', () => {
  const households = [elder('3000'), { region: '230129', status: 'alleviated', members: [
    { id: 'a', birthDate: '1940-05-01', hasSupporter: false, selfCare: 'partial' },
    { id: 'b', birthDate: '2010-01-01', schooling: 'junior', boarding: true, disabilityType: 'hearing', disabilityGrade: 2 }] }];
  for (const h of households) {
    const e = engine.estimate(h, asOf, { explain: false });
    for (const p of [e.monitoring, ...e.programs]) {
      assert.ok(p.why.length > 0, `${p.program}: why`);
      for (const id of p.why) assert.ok(labels().reason[id], `${p.program}: ${id}`);
    }
    assert.doesNotMatch(JSON.stringify(e), /[\u2e80-\u9fff\uff00-\uffef]/);
  }
  // 延寿县 on 2023-06-01: the measures by id and dates, the region by its code.
  const t = engine.transition(asOf, '230129', { explain: false });
  assert.deepEqual(t.region, { code: '230129', alleviatedCounty: true });
  for (const m of t.measures) assert.deepEqual(Object.keys(m).filter((k) => k !== 'until'), ['id', 'from']);
  for (const words of ['reasons', 'steps', 'citations']) assert.ok(!(words in t), words);
  assert.doesNotMatch(JSON.stringify(t), /[\u2e80-\u9fff\uff00-\uffef]/);
  const full = engine.transition(asOf, '230129');
  assert.deepEqual(t.measures.map((m) => m.id), full.measures.map((m) => m.id));
  assert.equal(full.region.name, '延寿县');
});

test('transition asked again: the same status, a copy of its own, each engine its own', () => {
  const first = engine.transition(asOf, '230129');
  const again = engine.transition(asOf, '230129');
  assert.deepEqual(again, first);
  assert.equal(JSON.stringify(again), JSON.stringify(first), 'the same keys in the same order');
  assert.notEqual(again, first);
  assert.notEqual(again.measures, first.measures);
  // A page that changes what it was given does not change the next answer.
  first.phase = 'changed';
  first.measures.length = 0;
  assert.deepEqual(engine.transition(asOf, '230129'), again);
  // Without a region, and with options, the answers are the module's own.
  assert.deepEqual(engine.transition(asOf), engine.transition(asOf, undefined, { explain: true }));
  assert.doesNotMatch(JSON.stringify(engine.transition(asOf, '230129', { explain: false })), /[\u4e00-\u9fff]/);
  assert.match(JSON.stringify(engine.transition(asOf, '230129')), /[\u4e00-\u9fff]/);
  // Another engine answers from its own parameters: 2026 is after the period under a set whose
  // period ends in 2025, inside it under one that moves the end to 2030-12-31.
  const later = engine.withOverrides({ 'transition.end': '2030-12-31' });
  assert.equal(engine.transition('2026-06-01', '230129').phase, 'after');
  assert.equal(later.transition('2026-06-01', '230129').phase, 'transition');
  assert.equal(engine.transition('2026-06-01', '230129').phase, 'after');
  // A bad date is refused every time; a freed engine is refused though it answered before.
  for (let i = 0; i < 2; i++) assert.throws(() => engine.transition('2023-13-01'), (e) => e instanceof PolicyError && e.code === 'INVALID_DATE');
  later.transition(asOf);
  later.free();
  assert.throws(() => later.transition(asOf), (e) => e instanceof PolicyError && e.code === 'ENGINE_FREED');
});

test('incomeCurve takes { explain } last: lean, the cliffs and rises without their sentences, every figure the same', () => {
  // A pensioner with a severe disability and a pupil: as the income rises past the 低保 line the
  // disabled member is covered alone (单人户), so the curve has a rise.
  const h = { region: '230129', status: 'alleviated', members: [{ birthDate: '1950-01-01', disabilityGrade: 1 }, { birthDate: '2012-05-05', schooling: 'primary' }] };
  const range = { from: '0', to: '20000', step: '5000' };
  const explained = engine.incomeCurve(h, asOf, range);
  const lean = engine.incomeCurve(h, asOf, range, { explain: false });
  const marks = [...explained.cliffs, ...explained.rises];
  assert.ok(marks.length > 0 && marks.every((m) => typeof m.text === 'string' && m.text.length > 0));
  assert.ok([...lean.cliffs, ...lean.rises].every((m) => !('text' in m)));
  assert.deepEqual(JSON.parse(JSON.stringify(explained, (k, v) => (k === 'text' ? undefined : v))), lean);
  assert.deepEqual(engine.incomeCurve(h, asOf, range, { explain: true }), explained);
  assert.throws(() => engine.incomeCurve(h, asOf, range, { explain: 1 }), (e) => e instanceof PolicyError);
});
