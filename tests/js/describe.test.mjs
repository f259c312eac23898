// describe: the words for a lean result's ids, on demand (API.md, third round): a parameter name
// gives its value in force (what parameterValue gives) in a sentence; a rule id its text, basis and
// source; a reason id its labels().reason sentence. Unknown ids are PolicyErrors with a suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyEngine, PolicyError, labels } from 'zhenxing';

const engine = new PolicyEngine();
const asOf = '2023-06-01';

test('a parameter: its value in force, unit, date, source and status, in one sentence', () => {
  // data/params/dibao-tekun.toml: the rural 低保 standard of Harbin's nine counties (延寿县 230129
  // among them) is 441 from 2022-01-01 (reported); 道里区 (230102) 625.
  const d = engine.describe('dibao.standard.rural', asOf, '230129');
  const inForce = engine.parameterValue('dibao.standard.rural', asOf, '230129');
  assert.equal(d.id, 'dibao.standard.rural');
  for (const key of Object.keys(inForce)) assert.deepEqual(d.parameter[key], inForce[key], key);
  assert.equal(d.parameter.value.value, '441');
  assert.equal(d.parameter.value.from, '2022-01-01');
  assert.equal(d.parameter.unit, 'yuan/person/month');
  assert.match(d.text, /^农村低保标准：441（元\/人·月），延寿县，自 2022-01-01 起；来源：/);
  assert.ok(d.text.includes(`（${inForce.value.statusLabel}）`));
  assert.equal(d.rule, undefined);
  assert.match(engine.describe('dibao.standard.rural', asOf, '230102').text, /^农村低保标准：625（元\/人·月），/);
  // A what-if value says so.
  const whatIf = engine.withOverrides({ 'dibao.standard.rural': '500' });
  assert.match(whatIf.describe('dibao.standard.rural', asOf, '230129').text, /^农村低保标准：500（元\/人·月）.*假设调整/);
  whatIf.free();
});

test('every id a lean estimate carries can be described', () => {
  const h = {
    region: '230129', status: 'alleviated',
    members: [{ birthDate: '1950-01-01', disabilityGrade: 1 }, { birthDate: '2012-03-01', schooling: 'primary' }],
    income: { transfer: '2000' }, events: ['illness'], rigidSpending: '9000',
  };
  const lean = engine.estimate(h, asOf, { explain: false });
  const ids = [
    ...lean.programs.flatMap((p) => p.why ?? []),
    ...lean.unofficial.map((u) => u.parameter),
    ...lean.stale.map((s) => s.parameter),
    ...lean.assumptions.map((a) => a.rule),
  ];
  assert.ok(ids.length > 5, ids.join());
  const reasons = labels().reason;
  for (const id of ids) {
    const d = engine.describe(id, asOf, h.region);
    assert.ok(d.text.length > 0, id);
    if (id in reasons) assert.equal(d.reason.text, reasons[id], id);
  }
  for (const a of lean.assumptions) {
    const r = engine.describe(a.rule, asOf).rule;
    assert.equal(r.basis, 'assumption', a.rule);
    assert.equal(r.basisLabel, '本计算器的假设');
  }
});

test('a rule: its text, basis and source; a reason: its sentence', () => {
  const rule = engine.describe('dibao.base', asOf);
  assert.deepEqual(rule.rule, {
    basis: 'document', basisLabel: '国家或省级文件', source: '民发〔2021〕57号第二十三条（转述）',
    text: '人均月收入低于低保标准的，低保金可以按人均收入与标准的差额计算，也可以按困难程度和人员情况分档计算。',
  });
  assert.equal(rule.text, rule.rule.text);
  const reason = engine.describe('dibao.incomeBelowStandard', asOf);
  assert.equal(reason.text, labels().reason['dibao.incomeBelowStandard']);
  assert.equal(reason.parameter, undefined);
});

test('an unknown id is UNKNOWN_PARAMETER with the nearest known one; the engine goes on', () => {
  const refused = (f, code, pattern) => assert.throws(f, (e) => e instanceof PolicyError && e.code === code && pattern.test(e.message));
  refused(() => engine.describe('dibao.standard.rurall', asOf), 'UNKNOWN_PARAMETER', /是否应为“dibao\.standard\.rural”/);
  refused(() => engine.describe('dibao.incomeBelowStandrd', asOf), 'UNKNOWN_PARAMETER', /dibao\.incomeBelowStandard/);
  refused(() => engine.describe(42, asOf), 'UNKNOWN_PARAMETER', /nameOrRule/);
  refused(() => engine.describe('dibao.base', '2023-02-30'), 'INVALID_DATE', /./);
  refused(() => engine.describe('dibao.base', asOf, '999999'), 'INVALID_REGION', /./);
  assert.equal(engine.describe('dibao.base', asOf).rule.basis, 'document');
});
