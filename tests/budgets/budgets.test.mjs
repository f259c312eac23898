// Budgets on what is exact: the module's bytes, the bytes of a lean answer, the instructions the
// native tool counts per household (callgrind). Each fails above its budget in budgets.json and
// prints the measure beside its aim. Needs `make build` (the package) and the release CLI
// (`cargo build --release --features cli`); `make test` runs both first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generator } from '../../benches/generate.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const budgets = JSON.parse(readFileSync(new URL('budgets.json', import.meta.url), 'utf8'));
const { household, asOf } = JSON.parse(readFileSync(new URL('household.json', import.meta.url), 'utf8'));
const { PolicyEngine } = await import(join(repo, 'dist/zhenxing/node/index.mjs'));
const engine = new PolicyEngine();
// The household programmes of this build, and those added since the budgets were set.
const added = Math.max(0, engine.screen(household, asOf).programs.length - budgets.programmes);

/** `measure` within `budget` (and `perProgramme` for each programme added), said beside the aim. */
function within(what, measure, budget, aim, perProgramme) {
  budget += added * perProgramme;
  console.log(`[budget] ${what}: ${measure.toLocaleString('en')} (budget ${budget.toLocaleString('en')}, aim ${aim.toLocaleString('en')})`);
  assert.ok(measure <= budget, `${what}: ${measure} over its budget of ${budget} (lower the measure, or raise the budget in tests/budgets/budgets.json with the reason)`);
}

test('the .wasm, raw and gzip (level 9)', () => {
  const wasm = readFileSync(join(repo, 'dist/zhenxing/web/zhenxing_bg.wasm'));
  within('.wasm raw bytes', wasm.length, budgets.wasm.rawBytes, budgets.wasm.aimRawBytes, budgets.wasm.perProgrammeRaw);
  within('.wasm gzip bytes', gzipSync(wasm, { level: 9 }).length, budgets.wasm.gzipBytes, budgets.wasm.aimGzipBytes, budgets.wasm.perProgrammeGzip);
});

test('the household module (zhenxing/household), raw and gzip (level 9)', () => {
  const wasm = readFileSync(join(repo, 'dist/zhenxing/household/household_bg.wasm'));
  const b = budgets.householdWasm;
  within('household .wasm raw bytes', wasm.length, b.rawBytes, b.aimRawBytes, b.perProgrammeRaw);
  within('household .wasm gzip bytes', gzipSync(wasm, { level: 9 }).length, b.gzipBytes, b.aimGzipBytes, b.perProgrammeGzip);
});

test('an unexplained estimate of a three-member household', () => {
  const bytes = Buffer.byteLength(JSON.stringify(engine.estimate(household, asOf, { explain: false })));
  within('unexplained estimate bytes', bytes, budgets.leanEstimateBytes.budget, budgets.leanEstimateBytes.aim, budgets.leanEstimateBytes.perProgramme);
});

test('a screening row', () => {
  const bytes = Buffer.byteLength(JSON.stringify(engine.screen(household, asOf)));
  within('screening row bytes', bytes, budgets.screeningRowBytes.budget, budgets.screeningRowBytes.aim, budgets.screeningRowBytes.perProgramme);
});

test('instructions per household through the native tool, one thread (callgrind)', () => {
  // The bench's generated households (seed 7), JSON Lines in, CSV out, counted whole: reading,
  // estimating, writing, and the start of the process spread over the households.
  const n = 3000;
  const dir = mkdtempSync(join(tmpdir(), 'zhenxing-budget-'));
  try {
    const next = generator(7);
    const input = join(dir, 'households.jsonl');
    writeFileSync(input, Array.from({ length: n }, () => JSON.stringify(next())).join('\n') + '\n');
    const out = execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
      join(repo, 'target/release/zhenxing'), 'estimate', '--as-of', '2023-06-01', '--quiet', '--threads', '1',
      input, '-o', join(dir, 'out.csv')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    void out;
  } catch (e) {
    if (e.status === undefined) throw e;
    assert.fail(`callgrind failed: ${e.stderr ?? e.message}`);
  }
  const log = readFileSync(join(dir, 'callgrind.out'), 'utf8');
  const total = Number(/^summary: (\d+)/m.exec(log)?.[1] ?? /^totals: (\d+)/m.exec(log)?.[1]);
  rmSync(dir, { recursive: true, force: true });
  assert.ok(total > 0, 'no instruction total in callgrind output');
  within('instructions per household', Math.round(total / n), budgets.cliInstructionsPerHousehold.budget, budgets.cliInstructionsPerHousehold.aim,
    budgets.cliInstructionsPerHousehold.perProgramme);
});
