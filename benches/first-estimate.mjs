// The staff page's first estimate in Debian's chromium: from navigation start to the page's mark
// `zx-first-estimate` (the first estimate shown), cold (a new browser context each run: no HTTP
// cache, no service worker), on the plain local network and under Chrome DevTools Protocol
// emulation of Chrome DevTools' "Slow 4G" preset (562.5 ms latency, 1.44 Mbps down, 675 kbps up) with
// the CPU 4 times slower.
// Figures only, never pass or fail. Shared with tests/browser/page.test.mjs, which writes the same
// figures to test-output/browser/first-estimate.json.
// Usage: node benches/first-estimate.mjs [runs]   (needs `make site`)

/**
 * Network.emulateNetworkConditions as Chrome DevTools' "Slow 4G" preset sets it (latency in ms,
 * throughput in bytes/s): 150 ms × 3.75, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up. Until 2026-12-07 this
 * bench used 400 ms and 400 kbps each way, slower than DevTools' "Slow 3G" in throughput.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
};
const kbps = (bytesPerSecond) => (bytesPerSecond * 8) / 1000;
/** Emulation.setCPUThrottlingRate: how many times slower the CPU runs. */
export const CPU_SLOWDOWN = 4;

/** Milliseconds from navigation to the first estimate of one cold visit of `url`. */
export async function firstEstimate(browser, url, { throttled = false } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 180000 });
    return await page.evaluate(() => performance.getEntriesByName('zx-first-estimate')[0]?.startTime);
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `runs` cold visits, plain then throttled, as the figures test-output/ keeps. */
export async function measureFirstEstimate(browser, url, runs = 3) {
  const plain = [];
  for (let i = 0; i < runs; i++) plain.push(await firstEstimate(browser, url));
  const slow = [];
  for (let i = 0; i < runs; i++) slow.push(await firstEstimate(browser, url, { throttled: true }));
  const round = (xs) => xs.map((t) => (t === undefined ? null : Math.round(t)));
  return {
    metric: 'navigation start → first estimate shown (performance.mark zx-first-estimate)',
    runs: round(plain),
    medianMs: Math.round(median(plain)),
    cache: 'cold (a new browser context each run)',
    server: 'scripts/serve.mjs, brotli, 127.0.0.1',
    throttled: {
      runs: round(slow),
      medianMs: Math.round(median(slow)),
      network: `Network.emulateNetworkConditions (DevTools "Slow 4G"): ${SLOW_4G.latency} ms latency, ${kbps(SLOW_4G.downloadThroughput)} kbps down, ${kbps(SLOW_4G.uploadThroughput)} kbps up`,
      cpu: `Emulation.setCPUThrottlingRate ${CPU_SLOWDOWN}`,
    },
    date: new Date().toISOString(),
  };
}

/** The figures in one line each. */
export function describeFigures(f) {
  return [
    `navigation to first estimate, cold: ${f.runs.join(', ')} ms (median ${f.medianMs} ms)`,
    `navigation to first estimate, cold, DevTools "Slow 4G" (${SLOW_4G.latency} ms, ${kbps(SLOW_4G.downloadThroughput)} kbps down) and CPU ${CPU_SLOWDOWN}× slower: `
      + `${f.throttled.runs.join(', ')} ms (median ${f.throttled.medianMs} ms)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { launch, serveSite, shots, stop } = await import('../tests/browser/helpers.mjs');
  const runs = Number(process.argv[2] ?? 3);
  const server = await serveSite();
  const browser = await launch();
  try {
    const f = await measureFirstEstimate(browser, server.url, runs);
    writeFileSync(`${shots}/first-estimate.json`, `${JSON.stringify(f, null, 2)}\n`);
    for (const line of describeFigures(f)) console.log(`  staff page, ${line}`);
  } finally {
    await browser.close();
    await stop(server.proc);
  }
}
