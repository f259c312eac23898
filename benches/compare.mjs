// Two builds of the package side by side: the same calls on the same generated households, the builds
// interleaved round by round, CPU time (user + system) rather than wall time, which a shared machine
// disturbs less. Figures only. Used for the browser floor's cost (docs/browsers.md): the build for the
// floor against the same code built with the target's default features.
// Usage: node benches/compare.mjs NAME=DIR NAME=DIR [--rounds 5] [--n 10000]
//   DIR is a built package folder (dist/zhenxing, or a copy of one); the first is the reference.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { generator } from './generate.mjs';

const require = createRequire(import.meta.url);
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const builds = Object.fromEntries(process.argv.slice(2).filter((a) => a.includes('=')).map((a) => {
  const [name, dir] = a.split('=');
  return [name, resolve(dir)];
}));
if (Object.keys(builds).length < 2) throw new Error('usage: node benches/compare.mjs NAME=DIR NAME=DIR [--rounds N] [--n N]');
const rounds = option('--rounds', 5);
const N = option('--n', 10_000);
const asOf = '2023-06-01';

const next = generator();
const households = Array.from({ length: N }, next);
const few = households.slice(0, 3_000);
const text = new TextEncoder().encode(households.map((h) => JSON.stringify(h)).join('\n'));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const regions = ['230129', '230102', '231283', '230221'];

/** Seconds of CPU per item of `items` through `f`, after a warm-up on the first tenth. */
function per(items, f) {
  items.slice(0, Math.ceil(items.length / 10)).forEach(f);
  const t = cpu();
  items.forEach(f);
  return (cpu() - t) / items.length;
}
function perBatch(call) {
  call(households.slice(0, 1000));
  const t = cpu();
  for (let i = 0; i < N; i += 1000) call(households.slice(i, i + 1000));
  return (cpu() - t) / N;
}
const calls = {
  'transition(asOf, region)': (e) => { let k = 0; return per(few, () => e.transition(asOf, regions[k++ % 4])); },
  'dibao(h, asOf), explained': (e) => per(few, (h) => e.dibao(h, asOf)),
  'screen(h, asOf)': (e) => per(few, (h) => e.screen(h, asOf)),
  'estimate(h, asOf), explained': (e) => per(few.slice(0, 1000), (h) => e.estimate(h, asOf)),
  'screenMany, per household': (e) => perBatch((hs) => e.screenMany(hs, asOf)),
  'estimateMany { explain: false }, per household': (e) => perBatch((hs) => e.estimateMany(hs, asOf, { explain: false })),
  'screenText, per household': (e) => { e.screenText(text.subarray(0, 10_000), asOf); const t = cpu(); e.screenText(text, asOf); return (cpu() - t) / N; },
};

const engines = Object.fromEntries(Object.entries(builds).map(([name, dir]) => [name, new (require(join(dir, 'node', 'index.cjs')).PolicyEngine)()]));
const [reference, ...others] = Object.keys(engines);
for (const h of few.slice(0, 200)) {
  const want = JSON.stringify(engines[reference].estimate(h, asOf));
  for (const o of others) if (JSON.stringify(engines[o].estimate(h, asOf)) !== want) throw new Error(`${o} and ${reference} differ`);
}

const seconds = {};
for (let r = 0; r < rounds; r++) {
  const names = Object.keys(engines);
  const order = names.map((_, i) => names[(i + r) % names.length]);
  for (const [call, f] of Object.entries(calls)) for (const b of order) ((seconds[call] ??= {})[b] ??= []).push(f(engines[b]));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const us = (s) => `${(s * 1e6).toFixed(1)} µs`;

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ${new Date().toISOString()}; median CPU time of ${rounds} interleaved rounds, ${N.toLocaleString('en')} households`);
console.log('');
console.log(`| call | ${Object.keys(engines).join(' | ')} | ${others.map((o) => `${o} ÷ ${reference}`).join(' | ')} |`);
console.log(`|---|${Object.keys(engines).map(() => '---|').join('')}${others.map(() => '---|').join('')}`);
for (const [call, byBuild] of Object.entries(seconds)) {
  const m = Object.fromEntries(Object.entries(byBuild).map(([b, xs]) => [b, median(xs)]));
  console.log(`| ${call} | ${Object.values(m).map(us).join(' | ')} | ${others.map((o) => (m[o] / m[reference]).toFixed(2)).join(' | ')} |`);
}
const size = (dir) => {
  const bytes = readFileSync(join(dir, 'web', 'zhenxing_bg.wasm'));
  return [bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes).length];
};
const sizes = Object.fromEntries(Object.entries(builds).map(([b, dir]) => [b, size(dir)]));
const bytes = (n) => n.toLocaleString('en');
console.log(`| zhenxing_bg.wasm: raw; gzip -9; brotli | ${Object.values(sizes).map(([raw, gz, br]) => `${bytes(raw)}; ${bytes(gz)}; ${bytes(br)} B`).join(' | ')} | ${others.map((o) => sizes[o].map((v, i) => `${v - sizes[reference][i] >= 0 ? '+' : ''}${bytes(v - sizes[reference][i])}`).join('; ')).join(' | ')} |`);
