// The register page (www/register.html) in Debian's chromium over a generated county register:
// time to read and screen, the longest main-thread block, memory. Figures only, never pass or fail.
// Shared with tests/browser/register.test.mjs, which reports the same figures.
// Usage: node benches/register-page.mjs [households]   (needs `make site`)
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { generator } from './generate.mjs';

const TOWNS = ['延寿镇', '加信镇', '六团镇', '中和镇', '安山乡', '寿山乡', '玉河镇', '青川乡'];

/**
 * A generated register as CSV (one row per member, English columns), `n` households of ~3 members,
 * of one county (延寿县) as a county's register is: eight towns of twelve villages each.
 */
export function registerCsv(n, seed = 7) {
  const next = generator(seed);
  const lines = ['household_id,region,town,village,status,income_business,income_transfer,rigid_spending,events,member_id,birth_date,wages,disability_grade,serious_illness,schooling'];
  for (let i = 0; i < n; i++) {
    const h = next();
    const id = `H${String(i + 1).padStart(6, '0')}`;
    const town = TOWNS[i % TOWNS.length];
    const village = `${town.slice(0, 2)}${1 + (Math.floor(i / TOWNS.length) % 12)}村`;
    h.members.forEach((m, k) => {
      const head = k === 0;
      lines.push([id, '230129', head ? town : '', head ? village : '', head ? h.status : '',
        head ? h.income.business : '', head ? h.income.transfer : '', head ? h.rigidSpending : '', head ? h.events.join(';') : '',
        `成员${k + 1}`, m.birthDate, m.wages ?? '', m.disabilityGrade ?? '', m.seriousIllness ? '是' : '', m.schooling ?? ''].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** Resident memory of a process and every process under it, in KiB. */
export function treeRss(pid) {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const procs = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const kids = new Map();
  for (const [p, pp] of procs) kids.set(pp, [...(kids.get(pp) ?? []), p]);
  const rss = new Map(procs.map(([p, , r]) => [p, r]));
  let total = 0;
  const walk = (p) => {
    total += rss.get(p) ?? 0;
    for (const k of kids.get(p) ?? []) walk(k);
  };
  walk(pid);
  return total;
}

/**
 * Screen `file` in an open register page: seconds from 开始测算 to the results, the longest task
 * the main thread ran (PerformanceObserver longtask), peak memory of this process's browser tree
 * (sampled) and the module's memory in the worker.
 */
export async function measure(page, file, rssOf = () => treeRss(process.pid)) {
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__tasks += 1;
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#columns-card:not([hidden])', { timeout: 120000 });
  const base = rssOf();
  let peak = base;
  const poll = setInterval(() => { peak = Math.max(peak, rssOf()); }, 100);
  const started = Date.now();
  await page.click('#start');
  await page.waitForSelector('#results-card:not([hidden])', { timeout: 300000 });
  const seconds = (Date.now() - started) / 1000;
  await page.waitForSelector('body[data-results="true"]', { timeout: 60000 });
  await page.waitForTimeout(200);
  clearInterval(poll);
  const r = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks, counts: document.getElementById('counts').textContent }));
  const wasm = await page.evaluate(() => window.__registerFigures?.wasmBytes ?? null);
  return { seconds, longestTaskMs: Math.round(r.longest), longTasks: r.tasks, peakRssMiB: +(peak / 1024).toFixed(1), addedRssMiB: +((peak - base) / 1024).toFixed(1), wasmMiB: wasm && +(wasm / 2 ** 20).toFixed(1), counts: r.counts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch, serveSite, stop } = await import('../tests/browser/helpers.mjs');
  const n = Number(process.argv[2] ?? 50000);
  const file = `/tmp/zhenxing-register-${n}.csv`;
  const text = registerCsv(n);
  writeFileSync(file, text);
  const server = await serveSite();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}register.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const f = await measure(page, file);
    const rows = text.split('\n').length - 2;
    console.log(`  register page, ${n.toLocaleString('en')} households (${rows.toLocaleString('en')} rows, ${(text.length / 2 ** 20).toFixed(1)} MiB CSV): `
      + `${f.seconds.toFixed(2)} s to read and screen, longest main-thread task ${f.longestTaskMs} ms (${f.longTasks} over 50 ms), `
      + `peak memory ${f.peakRssMiB} MiB (this process and the browser's, ${f.addedRssMiB} MiB more than before screening), module memory ${f.wasmMiB} MiB; ${f.counts}`);
  } finally {
    await browser.close();
    await stop(server.proc);
  }
}
