// The native command-line tool over generated registers of growing size: throughput and peak memory
// (sampled from /proc). Figures only. Usage: node benches/cli.mjs [households...]
import { createWriteStream, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { generator } from './generate.mjs';

const sizes = process.argv.slice(2).map(Number);
if (!sizes.length) sizes.push(10_000, 100_000, 1_000_000);
const bin = new URL('../target/release/zhenxing', import.meta.url).pathname;

async function register(n, path) {
  const next = generator(7);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    if (!out.write(JSON.stringify(next()) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// Every size with the default threads (one per core); the largest once more on one thread.
const runs = sizes.map((n) => [n, null]);
runs.push([sizes[sizes.length - 1], 1]);
for (const [n, threads] of runs) {
  const input = `/tmp/zhenxing-bench-${n}.jsonl`;
  await register(n, input);
  const started = process.hrtime.bigint();
  const extra = threads ? ['--threads', String(threads)] : [];
  const child = spawn(bin, ['estimate', '--as-of', '2023-06-01', '--quiet', ...extra, input, '-o', '/tmp/zhenxing-bench-out.csv']);
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch { /* exited */ }
  }, 20);
  const [code] = await once(child, 'exit');
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`  CLI, ${n.toLocaleString('en')} households (JSON Lines in, CSV out, ${threads ? `${threads} thread` : 'a thread per core'}): ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en')} households/s, peak RSS ${(peak / 1024).toFixed(1)} MiB, exit ${code}`);
  rmSync(input);
}
rmSync('/tmp/zhenxing-bench-out.csv', { force: true });
