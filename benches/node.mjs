// WebAssembly benchmarks in Node against the built package, beside the same 低保 rule written by hand
// in JavaScript with decimal.js (benches/baseline/dibao.mjs). Figures only, no pass/fail; the last
// run's table is also written to target/bench/node.json for the README.
// Usage: node benches/node.mjs [--quick]   (--quick: 20,000 households instead of 100,000)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { PolicyEngine, defaultParameters } from '../dist/zhenxing/node/index.mjs';
import { generator } from './generate.mjs';
import { figures, dibao } from './baseline/dibao.mjs';

const quick = process.argv.includes('--quick');
const N = quick ? 20_000 : 100_000;
const asOf = '2023-06-01';
const now = () => process.hrtime.bigint();
const since = (t) => Number(now() - t) / 1e9;

/** Mean seconds per call of `f` over `households`, after a warm-up pass over the first 500. */
function perCall(households, f) {
  for (const h of households.slice(0, 500)) f(h);
  const t = now();
  for (const h of households) f(h);
  return since(t) / households.length;
}
/** Households per second through a batch call, in chunks of 1,000 as a page would hand them over. */
function perSecond(households, call) {
  call(households.slice(0, 1000));
  const t = now();
  for (let i = 0; i < households.length; i += 1000) call(households.slice(i, i + 1000));
  return households.length / since(t);
}

const next = generator();
const households = Array.from({ length: N }, next);
const few = households.slice(0, 5_000);
const engine = new PolicyEngine();
const value = figures(defaultParameters());

// The baseline must give the engine's answers, or the comparison means nothing.
let differences = 0;
let eligible = 0;
for (const h of households) {
  const a = engine.dibao(h, asOf);
  const b = dibao(value, h, asOf);
  if ((a.monthly ?? '0.00') !== b.monthly || a.eligible !== b.eligible) differences++;
  if (b.eligible) eligible++;
}

const rows = [];
const row = (call, measured, target, baseline, ratio) => rows.push({ call, measured, target, baseline, ratio });
/** How many times the baseline's cost the engine's is: times per call, or rates per second. */
const timesSlower = (engineCost, baselineCost) => `${(engineCost / baselineCost).toFixed(1)}×`;
const us = (s) => `${(s * 1e6).toFixed(1)} µs`;
const rate = (r) => `${Math.round(r).toLocaleString('en')} /s`;

// The rows of the light-answers table, each beside its aim.
const sizes = JSON.parse(readFileSync(new URL('../dist/sizes.json', import.meta.url)));
row('.wasm', `${(sizes.web.raw / 1024).toFixed(1)} KiB raw, ${(sizes.web.gzip / 1024).toFixed(1)} KiB gzip`, '≤ 450 KB raw, ≤ 150 KB gzip');
const budget = JSON.parse(readFileSync(new URL('../tests/budgets/household.json', import.meta.url)));
const leanBytes = Buffer.byteLength(JSON.stringify(engine.estimate(budget.household, budget.asOf, { explain: false })));
const fullBytes = Buffer.byteLength(JSON.stringify(engine.estimate(budget.household, budget.asOf)));
row('an unexplained estimate of a 3-member household (JSON)', `${(leanBytes / 1024).toFixed(1)} KiB (explained ${(fullBytes / 1024).toFixed(1)} KiB)`, '≤ 2 KB');
{
  for (let i = 0; i < 20; i++) new PolicyEngine().free();
  const t = now();
  for (let i = 0; i < 200; i++) new PolicyEngine().free();
  row('new PolicyEngine() (embedded set)', `${(since(t) / 200 * 1e3).toFixed(2)} ms`, '≤ 1 ms');
}
const regions = ['230129', '230102', '231283', '230221'];
let k = 0;
row('transition(asOf, region)', us(perCall(few, () => engine.transition(asOf, regions[k++ % 4]))), '≤ 3 µs');
const dibaoBaseline = perCall(few, (h) => dibao(value, h, asOf));
const dibaoLean = perCall(few, (h) => engine.dibao(h, asOf, { explain: false }));
row('dibao(h, asOf, { explain: false })', us(dibaoLean), '≤ 2× the baseline', us(dibaoBaseline), timesSlower(dibaoLean, dibaoBaseline));
const dibaoCall = perCall(few, (h) => engine.dibao(h, asOf));
row('dibao(h, asOf), explained', us(dibaoCall), '≤ 25 µs', us(dibaoBaseline), timesSlower(dibaoCall, dibaoBaseline));
row('screen(h, asOf)', us(perCall(few, (h) => engine.screen(h, asOf))), '—');
row('estimate(h, asOf), explained', us(perCall(few, (h) => engine.estimate(h, asOf))), '—');
const baselineRegister = perSecond(households, (hs) => { for (const h of hs) dibao(value, h, asOf); });
const screenRate = perSecond(households, (hs) => engine.screenMany(hs, asOf));
row(`screenMany, ${N.toLocaleString('en')} households`, rate(screenRate), '≥ the baseline', rate(baselineRegister), timesSlower(baselineRegister, screenRate));
if (typeof engine.screenColumns === 'function') {
  const columnsRate = perSecond(households, (hs) => engine.screenColumns(hs, asOf));
  row('screenColumns (typed arrays)', rate(columnsRate), '≥ the baseline', rate(baselineRegister), timesSlower(baselineRegister, columnsRate));
}
const estimateRate = perSecond(households, (hs) => engine.estimateMany(hs, asOf));
row('estimateMany (unexplained, the default)', rate(estimateRate), '≥ 50,000 /s', rate(baselineRegister), timesSlower(baselineRegister, estimateRate));
if (typeof engine.screenText === 'function') {
  const text = new TextEncoder().encode(households.map((h) => JSON.stringify(h)).join('\n'));
  engine.screenText(text.subarray(0, 10_000), asOf);
  const t = now();
  engine.screenText(text, asOf);
  const textRate = N / since(t);
  row('screenText (JSON Lines bytes in, CSV text out)', rate(textRate), '—', rate(baselineRegister), timesSlower(baselineRegister, textRate));
}
const firstEstimate = new URL('../test-output/browser/first-estimate.json', import.meta.url);
if (existsSync(firstEstimate)) {
  const f = JSON.parse(readFileSync(firstEstimate));
  row('page: navigation to first estimate (browser test)', `${f.medianMs ?? f.ms ?? JSON.stringify(f)} ms`, '≤ 0.3 s cold; ≤ 1.2 s throttled');
}

// Peak module memory over one screenMany of 1,000,000 (skipped with --quick).
let memoryLine = '';
if (!quick) {
  const million = Array.from({ length: 1_000_000 }, (_, i) => households[i % N]);
  const before = process.memoryUsage();
  const t = now();
  const items = engine.screenMany(million, asOf);
  const seconds = since(t);
  const after = process.memoryUsage();
  memoryLine = `screenMany of 1,000,000 in one call: ${seconds.toFixed(1)} s, ${items.length.toLocaleString('en')} rows; `
    + `process RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB `
    + `(the rows themselves are JavaScript objects; the module works in chunks of 1,000)`;
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
console.log(`Node ${process.version}, WebAssembly (dist/zhenxing/node), one core; ${machine}; ${new Date().toISOString().slice(0, 10)}`);
console.log(`Baseline: the 低保 rule by hand with decimal.js on the same ${N.toLocaleString('en')} generated households: ${differences} differences from the engine (${eligible.toLocaleString('en')} eligible).`);
console.log('');
console.log('| call | zhenxing | target | hand-written 低保 (decimal.js) | zhenxing ÷ baseline (cost) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.call} | ${r.measured} | ${r.target} | ${r.baseline ?? '—'} | ${r.ratio ?? '—'} |`);
if (memoryLine) console.log(`\n${memoryLine}`);
mkdirSync(new URL('../target/bench/', import.meta.url), { recursive: true });
writeFileSync(new URL('../target/bench/node.json', import.meta.url), JSON.stringify({ node: process.version, machine, date: new Date().toISOString(), differences, rows, memoryLine }, null, 2));
