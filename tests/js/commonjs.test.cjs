// The package from CommonJS, as a Node integration would require it.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { PolicyEngine, PolicyError, version } = require('zhenxing');

const engine = new PolicyEngine();

test('version is the crate version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
  assert.equal(version(), require('zhenxing/package.json').version);
});

test('延寿县 2023-06-01 is year 3 with the fund-integration pilot', () => {
  const t = engine.transition('2023-06-01', '230129');
  assert.equal(t.phase, 'transition');
  assert.equal(t.year, 3);
  assert.equal(t.start, '2021-01-01');
  assert.equal(t.end, '2025-12-31');
  assert.equal(t.fundIntegrationPilot, true);
  assert.ok(t.measures.some((m) => m.id === 'fundIntegrationPilot' && m.citation === '六(十六)'));
  // Plain objects, never Maps.
  assert.equal(Object.getPrototypeOf(t), Object.prototype);
  assert.ok(t.steps.every((s) => typeof s.text === 'string' && s.rule));
});

test('延寿县 2024-01-01 is year 4 without the pilot', () => {
  const t = engine.transition('2024-01-01', '230129');
  assert.equal(t.year, 4);
  assert.equal(t.fundIntegrationPilot, false);
});

test('2026-01-01 is after the period', () => {
  const t = engine.transition('2026-01-01');
  assert.equal(t.phase, 'after');
  assert.equal(t.year, undefined);
  assert.equal(t.daysRemaining, 0);
});

test('an impossible date throws PolicyError INVALID_DATE, and the engine keeps working', () => {
  assert.throws(() => engine.transition('2023-02-29'), (e) => {
    assert.ok(e instanceof PolicyError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'PolicyError');
    assert.equal(e.code, 'INVALID_DATE');
    assert.equal(e.path, 'asOf');
    assert.match(e.message, /2023-02-29/);
    return true;
  });
  assert.equal(engine.transition('2023-06-01').year, 3);
});

test('wrong argument types are PolicyErrors, not crashes', () => {
  for (const [args, code, path] of [
    [[20230601], 'INVALID_DATE', 'asOf'],
    [[undefined], 'INVALID_DATE', 'asOf'],
    [['2023-06-01', 230129], 'INVALID_REGION', 'region'],
    [['2023-06-01', '230199'], 'INVALID_REGION', 'region'],
  ]) {
    assert.throws(() => engine.transition(...args), (e) => e instanceof PolicyError && e.code === code && e.path === path, JSON.stringify(args));
  }
  assert.equal(engine.transition('2023-06-01', null).region, undefined);
});

test('fromParameters takes the shipped default file, and reports every problem of a bad one', () => {
  const text = readFileSync(require.resolve('zhenxing/heilongjiang.json'), 'utf8');
  const same = PolicyEngine.fromParameters(text);
  assert.deepEqual(same.transition('2023-06-01', '230129'), engine.transition('2023-06-01', '230129'));
  const broken = JSON.parse(text);
  broken.parameters[0].values[0].from = '2020-13-01';
  broken.parameters[1].values[0].status = 'guess';
  assert.throws(() => PolicyEngine.fromParameters(JSON.stringify(broken)), (e) => {
    assert.ok(e instanceof PolicyError);
    assert.equal(e.code, 'INVALID_PARAMETERS');
    assert.equal(e.path, 'parameters[0].values[0].from');
    assert.deepEqual(e.problems.map((p) => p.path), ['parameters[0].values[0].from', 'parameters[1].values[0].status']);
    return true;
  });
  assert.throws(() => PolicyEngine.fromParameters('not json'), (e) => e.code === 'INVALID_PARAMETERS');
  assert.throws(() => PolicyEngine.fromParameters(42), (e) => e.code === 'INVALID_PARAMETERS');
});

test('withOverrides: plain and dated values, unknown names refused', () => {
  const longer = engine.withOverrides({ 'transition.fundIntegrationPilotYears': 4 });
  assert.equal(longer.transition('2024-06-01', '230129').fundIntegrationPilot, true);
  assert.equal(engine.transition('2024-06-01', '230129').fundIntegrationPilot, false, 'the original is untouched');
  const dated = engine.withOverrides({ 'transition.end': [{ from: '2020-12-16', value: '2026-12-31' }] });
  assert.equal(dated.transition('2026-06-01').phase, 'transition');
  assert.throws(() => engine.withOverrides({ 'dibao.standard.rurall': 1 }), (e) => e.code === 'UNKNOWN_PARAMETER' && e.path === 'dibao.standard.rurall');
  assert.throws(() => engine.withOverrides({ 'dibao.standard.rural': NaN }), (e) => e instanceof PolicyError);
  assert.throws(() => engine.withOverrides({ 'dibao.standard.rural': 0.1 + 0.2 }), (e) => e.code === 'INVALID_INPUT');
});

test('parameters() and regions() describe the set', () => {
  const params = engine.parameters();
  const rural = params.find((p) => p.name === 'dibao.standard.rural');
  assert.equal(rural.unit, 'yuan/person/month');
  assert.ok(rural.values.every((v) => v.source && ['official', 'reported', 'illustrative'].includes(v.status)));
  const regions = engine.regions();
  assert.equal(regions.filter((r) => r.alleviatedCounty).length, 20);
  const yanshou = regions.find((r) => r.code === '230129');
  assert.deepEqual(
    { code: yanshou.code, name: yanshou.name, level: yanshou.level, parent: yanshou.parent, alleviatedCounty: yanshou.alleviatedCounty, kind: yanshou.kind, keyCounty: yanshou.keyCounty },
    { code: '230129', name: '延寿县', level: 'county', parent: '230100', alleviatedCounty: true, kind: 'county', keyCounty: 'notPublished' });
  assert.equal(yanshou.povertyCounty.kind, 'national');
  assert.equal(regions.length, 141);
  // 杜尔伯特 was a provincial poverty county: not a 脱贫县.
  assert.equal(regions.find((r) => r.code === '230624').alleviatedCounty, false);
  // The shipped file is the embedded set.
  assert.equal(readFileSync(require.resolve('zhenxing/heilongjiang.json'), 'utf8'), require('zhenxing').defaultParameters());
});
