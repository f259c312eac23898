// WebAssembly benchmarks in Node against the built package: figures only, no pass/fail.
import { readFileSync } from 'node:fs';
import { PolicyEngine } from '../dist/zhenxing/node/index.mjs';
import { generator } from './generate.mjs';

const asOf = '2023-06-01';
const time = (f) => { const t = process.hrtime.bigint(); const r = f(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; };

const [construct] = time(() => { for (let i = 0; i < 20; i++) new PolicyEngine(); });
const engine = new PolicyEngine();
const next = generator();
const one = next();
for (let i = 0; i < 500; i++) engine.estimate(one, asOf); // warm up
const [single] = time(() => { for (let i = 0; i < 5000; i++) engine.estimate(one, asOf); });

const households = Array.from({ length: 100_000 }, next);
// Throughput over the 100,000 households in chunks of 1,000, for each batch call.
function throughput(call) {
  const [ms, errors] = time(() => {
    let bad = 0;
    for (let i = 0; i < households.length; i += 1000) {
      for (const item of call(households.slice(i, i + 1000))) bad += item.ok ? 0 : 1;
    }
    return bad;
  });
  return `${(ms / 1000).toFixed(2)} s = ${Math.round(households.length / (ms / 1000)).toLocaleString('en')} households/s (${errors} error items)`;
}
const screened = throughput((hs) => engine.screenMany(hs, asOf));
const unexplained = throughput((hs) => engine.estimateMany(hs, asOf, { explain: false }));
const explained = throughput((hs) => engine.estimateMany(hs, asOf));
const sizes = JSON.parse(readFileSync(new URL('../dist/sizes.json', import.meta.url)));

console.log(`Node ${process.version}, WebAssembly (dist/zhenxing/node), one core`);
console.log(`  engine construction:           ${(construct / 20).toFixed(2)} ms`);
console.log(`  single estimate latency:       ${(single / 5000 * 1000).toFixed(1)} µs (mean of 5,000, explained)`);
console.log(`  100,000 households, chunks of 1,000:`);
console.log(`    screenMany:                        ${screened}`);
console.log(`    estimateMany { explain: false }:   ${unexplained}`);
console.log(`    estimateMany (explained):          ${explained}`);
console.log(`  .wasm: ${sizes.web.raw.toLocaleString('en')} bytes raw, ${sizes.web.gzip.toLocaleString('en')} bytes gzip`);
