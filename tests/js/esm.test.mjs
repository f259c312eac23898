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

test('zhenxing/web initialises from bytes and works', async () => {
  const require = createRequire(import.meta.url);
  const bytes = readFileSync(require.resolve('zhenxing/web/zhenxing_bg.wasm'));
  await init({ module_or_path: bytes });
  const engine = new WebEngine();
  assert.equal(engine.transition('2024-01-01', '230129').fundIntegrationPilot, false);
  assert.throws(() => engine.transition('2023-02-29'), (e) => e instanceof WebPolicyError && e.path === 'asOf');
});
