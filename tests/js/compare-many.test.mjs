// compareMany: a register under two parameter sets, as `zhenxing compare` does on the command line.
// The households and figures are those of tests/registers/county (worked by hand in its README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PolicyEngine, PolicyError } from 'zhenxing';

const repo = process.env.ZX_REPO ?? '.';
const county = join(repo, 'tests/registers/county');
const asOf = '2025-06-01';
const engine = new PolicyEngine();
const other = PolicyEngine.fromParameters(readFileSync(join(county, 'county-2025.json'), 'utf8'));

const { households } = await import(pathToFileURL(join(repo, 'tests', 'js', 'county.mjs')).href);

test('compareMany: the county register, per programme and per region', () => {
  const r = engine.compareMany(households, asOf, other);
  const s = r.summary;
  assert.deepEqual([s.households, s.errors, s.changed], [13, 1, 9]);
  const dibao = s.programs.find((p) => p.program === 'dibao');
  assert.deepEqual(
    [dibao.gaining, dibao.losing, dibao.newlyEligible, dibao.noLongerEligible, dibao.annualBefore, dibao.annualAfter, dibao.difference],
    [6, 3, 2, 1, '22244.40', '25364.40', '3120.00'],
  );
  // Per programme, the households whose figures for it differ: the nine of 低保 (six up, three
  // down), none for 特困, which no one here gets under either set.
  assert.equal(dibao.changed, 9);
  assert.equal(s.programs.find((p) => p.program === 'tekun').changed, 0);
  assert.equal(s.programs.at(-1).program, 'total');
  assert.equal(s.programs.find((p) => p.program === 'pension').difference, '200.00');
  // H10 (龙江县) is an error: not among 龙江's three compared households, counted as its error.
  assert.deepEqual(s.regions.map((g) => [g.region, g.households, g.errors, g.changed]), [['230129', 9, 0, 6], ['230221', 3, 1, 3]]);
  assert.equal(s.regions[1].programs[0].difference, '-853.20');
  // The differing households and the error, in order, with their ref.
  assert.deepEqual(r.households.map((h) => [h.index, h.ref, h.ok]), [
    [0, 'H01', true], [1, 'H02', true], [2, 'H03', true], [3, 'H04', true], [5, 'H06', true],
    [7, 'H08', true], [8, 'H09', true], [9, 'H10', false], [10, 'H11', true], [12, 'H13', true],
  ]);
  const h13 = r.households.at(-1);
  assert.ok(h13.ok);
  assert.deepEqual(h13.programs[0], { program: 'dibao', eligibleBefore: true, eligibleAfter: false, annualBefore: '601.20', annualAfter: '0.00', difference: '-601.20', why: ['parameterChanged'] });
  // Why, counted: every change is the parameters'; 代缴 and 资助参保 followed who is on 低保 for H03,
  // H06 and H13 (tests/registers/county/README.md works out the figures).
  assert.deepEqual(s.reasons.map((x) => [x.reason, x.households, x.gaining, x.losing, x.difference]),
    [['parameterChanged', 9, 6, 3, '3480.00'], ['followsAssistance', 3, 2, 1, '360.00']]);
  assert.deepEqual(s.regions[1].reasons.map((x) => [x.reason, x.households, x.gaining, x.losing]), [['parameterChanged', 3, 0, 3], ['followsAssistance', 1, 0, 1]]);
  const h10 = r.households.find((h) => !h.ok);
  assert.equal(h10.ok, false);
  assert.equal(h10.error.code, 'OUT_OF_RANGE');
});

test('compareMany is lean by default: names only with { explain: true }, every figure the same', () => {
  const lean = engine.compareMany(households, asOf, other);
  const explained = engine.compareMany(households, asOf, other, { explain: true });
  const s = explained.summary;
  // The names a lean summary leaves out: the programmes', the reasons' and the regions'.
  assert.ok(lean.summary.programs.every((p) => !('label' in p)) && lean.summary.reasons.every((r) => !('label' in r)));
  assert.ok(lean.summary.regions.every((g) => !('regionName' in g) && g.programs.every((p) => !('label' in p))));
  assert.deepEqual(s.regions.map((g) => [g.region, g.regionName]), [['230129', '延寿县'], ['230221', '龙江县']]);
  assert.deepEqual([s.programs[0].label, s.programs.at(-1).label, s.reasons[0].label], ['最低生活保障', '现金帮扶合计', '标准、档次、比例等参数调整']);
  // Taking the names away leaves the rest as it was.
  const strip = (x) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'label' || k === 'regionName' ? undefined : v)));
  assert.deepEqual(strip(explained), lean);
  assert.deepEqual(engine.compareMany(households, asOf, other, { explain: false }), lean);
  assert.throws(() => engine.compareMany(households, asOf, other, { explain: 'yes' }), (e) => e instanceof PolicyError);
});

test('compareMany against itself changes nothing; bad arguments throw PolicyError', () => {
  const same = engine.compareMany(households, asOf, engine);
  assert.equal(same.summary.changed, 0);
  assert.deepEqual(same.households.map((h) => h.ref), ['H10']);
  assert.throws(() => engine.compareMany(households[0], asOf, other), (e) => e instanceof PolicyError && e.code === 'INVALID_INPUT');
  assert.throws(() => engine.compareMany(households, '2025-02-30', other), (e) => e instanceof PolicyError && e.code === 'INVALID_DATE');
  // @ts-expect-error: not an engine
  assert.throws(() => engine.compareMany(households, asOf, {}), (e) => e instanceof PolicyError && e.path === 'other');
});
