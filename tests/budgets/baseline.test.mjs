// The bench's hand-written 低保 (benches/baseline/dibao.mjs, decimal.js) must give the engine's
// answer on every household the bench times, or its ratios compare different work. Exact, so a
// test: the same 100,000 generated households and date as benches/node.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generator } from '../../benches/generate.mjs';
import { figures, dibao } from '../../benches/baseline/dibao.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const { PolicyEngine, defaultParameters } = await import(join(repo, 'dist/zhenxing/node/index.mjs'));

test('the bench baseline gives the engine’s 低保 on the bench’s 100,000 households', () => {
  const asOf = '2023-06-01';
  const engine = new PolicyEngine();
  const value = figures(defaultParameters());
  const next = generator();
  const differing = [];
  let eligible = 0;
  for (let i = 0; i < 100_000; i++) {
    const h = next();
    const a = engine.dibao(h, asOf, { explain: false });
    const b = dibao(value, h, asOf);
    if ((a.monthly ?? '0.00') !== b.monthly || a.eligible !== b.eligible) differing.push({ h, engine: [a.eligible, a.monthly, a.why], baseline: [b.eligible, b.monthly] });
    if (b.eligible) eligible++;
  }
  assert.deepEqual(differing.slice(0, 3), [], `${differing.length} households differ`);
  // Not a vacuous agreement: about half the generated households are paid.
  assert.ok(eligible > 40_000, `${eligible} eligible`);
});
