// The package from ES modules: the Node entry, and the `zhenxing/web` entry pages use without a bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PolicyEngine, PolicyError, version } from 'zhenxing';
import init, { PolicyEngine as WebEngine, PolicyError as WebPolicyError } from 'zhenxing/web';

test('ESM import gives the same answers as the contract', () => {
  const engine = new PolicyEngine();
  assert.equal(engine.transition('2023-06-01', '230129').year, 3);
  assert.throws(() => engine.transition('2023-02-29'), (e) => e instanceof PolicyError && e.code === 'INVALID_DATE');
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test('a transition status is a fresh object every call, whatever the caller did to the last', () => {
  // The engine keeps each status it has written (a date and a region give the same one); what it
  // hands out must still be the caller's own.
  const engine = new PolicyEngine();
  const first = engine.transition('2023-06-01', '230129');
  first.year = 99;
  first.measures.length = 0;
  const second = engine.transition('2023-06-01', '230129');
  assert.notEqual(second, first);
  // 2023-06-01 is in the third year of 2021-01-01 – 2025-12-31; 延寿县 is a 脱贫县, so the pilot
  // (first three years) applies and six measures are in force (see the golden transition cases).
  assert.equal(second.year, 3);
  assert.equal(second.measures.length, 6);
  assert.equal(engine.transition('2023-06-01').fundIntegrationPilot, false);
  assert.equal(engine.transition('2024-06-01', '230129').fundIntegrationPilot, false);
  // Another engine, another set: a what-if engine does not share the first one's statuses.
  const other = engine.withOverrides({ 'transition.end': '2026-12-31' });
  assert.equal(other.transition('2023-06-01', '230129').end, '2026-12-31');
});

test('zhenxing/web initialises from bytes and works', async () => {
  const require = createRequire(import.meta.url);
  const bytes = readFileSync(require.resolve('zhenxing/web/zhenxing_bg.wasm'));
  await init({ module_or_path: bytes });
  const engine = new WebEngine();
  assert.equal(engine.transition('2024-01-01', '230129').fundIntegrationPilot, false);
  assert.throws(() => engine.transition('2023-02-29'), (e) => e instanceof WebPolicyError && e.path === 'asOf');
});

test('parameterValue gives the value in force with its date, source and status', () => {
  // data/params/dibao-tekun.toml: the rural 低保 standard of Harbin's nine counties 441 from
  // 2022-01-01 (延寿县 230129 among them, a reported figure); 道里区 (230102) has 625 from the same day. Its cycle is 12 months:
  // on 2023-06-01 both are past 2023-01-01, so due for checking.
  const engine = new PolicyEngine();
  const p = engine.parameterValue('dibao.standard.rural', '2023-06-01', '230129');
  assert.equal(p.label, '农村低保标准');
  assert.equal(p.unitLabel, '元/人·月');
  assert.deepEqual([p.value.value, p.value.from, p.value.region, p.value.status, p.stale, p.whatIf],
    ['441', '2022-01-01', '230129', 'reported', true, false]);
  assert.equal(p.value.statusLabel, '转述', 'the status in the words `zhenxing params` uses');
  assert.equal(engine.parameterValue('dibao.standard.rural', '2023-06-01', '230102').value.value, '625');
  const whatIf = engine.withOverrides({ 'dibao.standard.rural': '471' });
  const w = whatIf.parameterValue('dibao.standard.rural', '2023-06-01', '230129');
  assert.deepEqual([w.value.value, w.whatIf, w.stale], ['471', true, false]);
  whatIf.free();
  assert.throws(() => engine.parameterValue('dibao.standard.rurall', '2023-06-01'),
    (e) => e instanceof PolicyError && e.code === 'UNKNOWN_PARAMETER' && /dibao\.standard\.rural”/.test(e.message));
  assert.throws(() => engine.parameterValue('dibao.standard.rural', '2023-06-01', '230199'),
    (e) => e instanceof PolicyError && e.code === 'INVALID_REGION');
  engine.free();
});
