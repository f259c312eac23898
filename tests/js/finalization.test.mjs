// Engines nobody frees give their module memory back once JavaScript collects them: the glue
// registers each engine with a FinalizationRegistry (wasm-bindgen's weak references), whose callback
// frees it. The collector runs between tasks, so this holds for engines dropped across turns of the
// event loop, not within one synchronous loop (docs/memory.md). Run in a child process with
// --expose-gc, on every tested Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const web = createRequire(import.meta.url).resolve('zhenxing/web');

const child = `
const web = require(${JSON.stringify(web)});
const base = new web.PolicyEngine();
const memory = () => web.initSync().memory.buffer.byteLength;
const settle = async () => { for (let i = 0; i < 3; i++) { gc(); await new Promise((r) => setImmediate(r)); } };
const whatIf = (i) => base.withOverrides({ 'dibao.standard.rural': String(450 + (i % 100)) });
(async () => {
  await settle();
  const start = memory();
  // 1,000 engines never freed, dropped 100 at a time with the collector running in between.
  let collected = start;
  for (let round = 0; round < 10; round++) {
    for (let i = 0; i < 100; i++) whatIf(i).parameterSet();
    await settle();
    collected = Math.max(collected, memory());
  }
  // 1,000 in one synchronous loop: nothing can be collected until it ends.
  for (let i = 0; i < 1000; i++) whatIf(i).parameterSet();
  const held = memory();
  await settle();
  // Collected now: 1,000 more, dropped as in the first loop, fit in the memory they left.
  for (let round = 0; round < 10; round++) {
    for (let i = 0; i < 100; i++) whatIf(i).parameterSet();
    await settle();
  }
  console.log(JSON.stringify({ start, collected, held, after: memory() }));
})();
`;

test('engines never freed: collected, their memory is reused', () => {
  const out = execFileSync(process.execPath, ['--expose-gc', '-e', child], { encoding: 'utf8' });
  const { start, collected, held, after } = JSON.parse(out);
  const MiB = (n) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  const figures = `start ${MiB(start)}, 1,000 dropped 100 at a time ${MiB(collected)}, 1,000 held in one loop ${MiB(held)}, then ${MiB(after)}`;
  // Held at once, 1,000 engines need far more than 100 at a time (the control: engines do take
  // memory, and the collector is what gives it back).
  assert.ok(held - start > 5 * (collected - start), figures);
  // Collected, they leave room for as many again: the module does not grow.
  assert.equal(after, held, figures);
  console.log(`# ${figures}`);
});
