// Module memory over large batches. WebAssembly memory never shrinks, so what must hold is that a
// batch's peak does not depend on its size (batches run in chunks of 1,000) and that a batch leaves
// nothing behind: the same batch run again does not grow the memory at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('zhenxing/package.json'));
const web = await import(pathToFileURL(join(pkg, 'web', 'index.js')).href);
const { memory } = await web.default({ module_or_path: readFileSync(join(pkg, 'web', 'zhenxing_bg.wasm')) });
const asOf = '2023-06-01';
const MiB = 1024 * 1024;

const household = (i) => ({
  ref: `户${i}`, region: '230129', status: i % 3 ? 'alleviated' : 'monitored',
  members: [{ id: '户主', birthDate: '1960-01-01', wages: String(i % 20000) }, { id: '孩子', birthDate: '2012-05-01', schooling: 'primary' }],
  income: { business: String((i * 37) % 9000), other: '1200' },
});

test('a batch of 30,000 leaves the module no bigger than one of 2,000, and repeats add nothing', () => {
  const engine = new web.PolicyEngine();
  const small = Array.from({ length: 2_000 }, (_, i) => household(i));
  const large = Array.from({ length: 30_000 }, (_, i) => household(i));
  engine.screenMany(small, asOf);
  engine.estimateMany(small, asOf, { explain: false });
  const afterSmall = memory.buffer.byteLength;
  const rows = engine.screenMany(large, asOf);
  assert.equal(rows.length, 30_000);
  assert.ok(rows.every((r) => r.ok));
  engine.estimateMany(large.slice(0, 10_000), asOf, { explain: false });
  const afterLarge = memory.buffer.byteLength;
  // Chunked: 15 times the households, at most a few MiB more (one chunk's worth of slack). Whole
  // batches at once needed about 15 KB a household (3 GB for 200,000).
  assert.ok(afterLarge - afterSmall <= 8 * MiB, `${afterSmall / MiB} MiB → ${afterLarge / MiB} MiB`);
  engine.screenMany(large, asOf);
  engine.estimateMany(large.slice(0, 10_000), asOf, { explain: false });
  assert.equal(memory.buffer.byteLength, afterLarge, 'the same batch again grows nothing');
  engine.free();
});

test('engines made and freed in a loop do not grow the module', () => {
  const engine = new web.PolicyEngine();
  const h = household(1);
  const round = () => {
    for (let i = 0; i < 200; i++) {
      const whatIf = engine.withOverrides({ 'dibao.standard.rural': String(441 + i) });
      engine.compare(h, asOf, whatIf);
      whatIf.free();
    }
  };
  round();
  const before = memory.buffer.byteLength;
  round();
  round();
  assert.equal(memory.buffer.byteLength, before);
  engine.free();
});

test('compareMany of 20,000 differing households leaves the module no bigger than one of 2,000', () => {
  const engine = new web.PolicyEngine();
  // A higher rural standard changes every household's 低保: every one of them differs.
  const whatIf = engine.withOverrides({ 'dibao.standard.rural': '600' });
  const poor = (i) => ({ ref: `户${i}`, region: '230129', members: [{ birthDate: '1950-01-01' }], income: { transfer: String(1000 + (i % 500)) } });
  const small = Array.from({ length: 2_000 }, (_, i) => poor(i));
  const large = Array.from({ length: 20_000 }, (_, i) => poor(i));
  assert.equal(engine.compareMany(small, asOf, whatIf).households.length, 2_000);
  const afterSmall = memory.buffer.byteLength;
  const r = engine.compareMany(large, asOf, whatIf);
  assert.equal(r.summary.changed, 20_000);
  assert.equal(r.households.length, 20_000);
  assert.deepEqual(r.households.slice(0, 3).map((h) => h.index), [0, 1, 2]);
  // Kept whole in the module, the differing households took about 1.5 KB each (30 MiB here, 307 MiB
  // for 200,000); handed over chunk by chunk, the module keeps only the tally.
  const afterLarge = memory.buffer.byteLength;
  assert.ok(afterLarge - afterSmall <= 8 * MiB, `${afterSmall / MiB} MiB → ${afterLarge / MiB} MiB`);
  whatIf.free();
  engine.free();
});

test('compareMany above its limit is a PolicyError before anything is computed', () => {
  const engine = new web.PolicyEngine();
  const many = new Array(200_001).fill(household(1));
  assert.throws(() => engine.compareMany(many, asOf, engine), (e) => e instanceof web.PolicyError && e.code === 'OUT_OF_RANGE' && /200000/.test(e.message));
  engine.free();
});
