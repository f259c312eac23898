// zhenxing as a Vitest project uses it, with Vitest's defaults: ES modules, the node environment.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PolicyEngine, PolicyError, version } from 'zhenxing';
import init, { PolicyEngine as WebEngine } from 'zhenxing/web';

// Written by the harness, from the Node package outside Vitest.
const { household, asOf, estimate } = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));

test('an estimate under Vitest equals the Node package\'s', () => {
  const engine = new PolicyEngine();
  try {
    expect(engine.estimate(household, asOf)).toEqual(estimate);
  } finally {
    engine.free();
  }
});

test('errors are PolicyErrors with code, path and a Chinese message', () => {
  const engine = new PolicyEngine();
  expect(() => engine.transition('2023-02-29', null)).toThrow(PolicyError);
  try {
    engine.transition('2023-02-29', null);
  } catch (e) {
    expect([e.code, e.path]).toEqual(['INVALID_DATE', 'asOf']);
  }
  engine.free();
});

test('zhenxing/web: init() resolves and the engine works', async () => {
  await init();
  const engine = new WebEngine();
  expect(engine.transition('2023-06-01', '230129').year).toBe(3);
  expect(version()).toMatch(/^\d+\.\d+\.\d+$/);
  engine.free();
});
