// The period's end over a register: compareDatesMany (an array of households) and
// RegisterScreen.compareDates (a register's text, a chunk at a time), as `zhenxing compare --as-of
// FROM --to TO` does on the command line. The households are those of tests/registers/county.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyEngine, PolicyError, RegisterScreen } from 'zhenxing';

const repo = process.env.ZX_REPO ?? '.';
const county = join(repo, 'tests/registers/county');
const engine = new PolicyEngine();
// The transition period's last day, from the parameters, and the day after.
const from = engine.parameterValue('transition.end', '2025-06-01').value.value;
const to = '2026-01-01';
// A county whose notice stops the 分类资助参保 of 脱贫 and monitored people from 2026-01-01 (the
// embedded set goes on at 0.5 after the period, an assumption).
const stopped = engine.withOverrides({
  'medicalPremium.paidShare.alleviated': [{ from: '2026-01-01', value: '0' }],
  'medicalPremium.paidShare.monitored': [{ from: '2026-01-01', value: '0' }],
});

const { households } = await import(pathToFileURL(join(repo, 'tests', 'js', 'county.mjs')).href);

test('compareDatesMany: the county register on the period\'s last day and the day after', () => {
  assert.equal(from, '2025-12-31');
  // The embedded set: nothing changes at the period's end (the premium goes on at 0.5).
  assert.equal(engine.compareDatesMany(households, from, to).summary.changed, 0);
  const r = stopped.compareDatesMany(households, from, to);
  const s = r.summary;
  // By hand: 分类资助参保 pays medicalPremium.individual (400 a person from 2024) × 0.5 for 脱贫
  // and monitored people, 0 from 2026 in this county: H06 (脱贫户, 2 people) 400.00 → 0 and H07
  // (监测户, 1 person) 200.00 → 0, −600.00 together; no cash changes; H10 (born 2030) is an error.
  assert.deepEqual([s.households, s.errors, s.changed], [13, 1, 2]);
  const premium = s.programs.find((p) => p.program === 'medicalPremium');
  assert.deepEqual([premium.changed, premium.losing, premium.noLongerEligible, premium.annualBefore, premium.annualAfter, premium.difference],
    [2, 2, 2, '3400.00', '2800.00', '-600.00']);
  assert.equal(s.programs.at(-1).difference, '0.00');
  assert.deepEqual(s.reasons.map((x) => [x.reason, x.households, x.gaining, x.losing, x.difference]), [['parameterChanged', 2, 0, 2, '-600.00']]);
  assert.deepEqual(r.households.map((h) => [h.index, h.ref, h.ok]), [[5, 'H06', true], [6, 'H07', true], [9, 'H10', false]]);
  const h06 = r.households[0].programs.find((p) => p.program === 'medicalPremium');
  assert.deepEqual(h06, { program: 'medicalPremium', eligibleBefore: true, eligibleAfter: false, annualBefore: '400.00', annualAfter: '0.00', difference: '-400.00', why: ['parameterChanged'] });
  // One household's compareDates says the same.
  const single = stopped.compareDates(households[5], from, to, { explain: false });
  assert.deepEqual(single.programs.find((p) => p.program === 'medicalPremium').why, ['parameterChanged']);
});

test('RegisterScreen.compareDates: the register\'s CSV, in chunks, gives the same summary', () => {
  const csv = readFileSync(join(county, 'register.csv'));
  const rs = RegisterScreen.compareDates(stopped, csv, from, to);
  const changes = [];
  try {
    for (;;) {
      const chunk = rs.next(4);
      assert.equal(chunk.csv, '');
      changes.push(...chunk.changes);
      if (chunk.done) break;
    }
    assert.deepEqual(rs.comparison(), stopped.compareDatesMany(households, from, to, { explain: true }).summary);
  } finally {
    rs.free();
  }
  // Each household that changed, where it is in the register, its changed programmes and the total.
  assert.deepEqual(changes.map((h) => [h.household, h.line, h.town, h.village, h.programs.map((p) => [p.program, p.why])]), [
    ['H06', 8, '加信镇', '南村', [['medicalPremium', ['parameterChanged']], ['total', ['parameterChanged']]]],
    ['H07', 10, '加信镇', '南村', [['medicalPremium', ['parameterChanged']], ['total', ['parameterChanged']]]],
  ]);
});

test('the dates are checked: a later date before the first, or no date, throws PolicyError', () => {
  assert.throws(() => engine.compareDatesMany(households, to, from), (e) => e instanceof PolicyError && e.code === 'OUT_OF_RANGE' && e.path === 'to');
  assert.throws(() => engine.compareDatesMany(households, from, '2026-02-30'), (e) => e instanceof PolicyError && e.code === 'INVALID_DATE');
  assert.throws(() => RegisterScreen.compareDates(engine, 'household_id\n', from, undefined), (e) => e instanceof PolicyError && e.path === 'to');
  assert.throws(() => engine.compareDatesMany(households[0], from, to), (e) => e instanceof PolicyError && e.code === 'INVALID_INPUT');
});
