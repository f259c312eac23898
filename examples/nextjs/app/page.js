// A server component: the engine runs on the server (at build time for this static page), through
// the package's Node entry. The browser computes the same household in <InBrowser> below.
import { PolicyEngine } from 'zhenxing';
import { asOf, household } from './household.js';
import InBrowser from './in-browser.js';

export default function Page() {
  // One engine, freed when done: engines hold WebAssembly memory until free() (docs/memory.md).
  const engine = new PolicyEngine();
  let estimate;
  try {
    estimate = engine.estimate(household, asOf);
  } finally {
    engine.free();
  }
  return (
    <main>
      <h1>振兴 · 一户家庭的测算（Next.js）</h1>
      <p>
        服务器上：每月 <span id="server-monthly">{estimate.totalMonthly}</span> 元，每年{' '}
        <span id="server-annual">{estimate.totalAnnual}</span> 元
      </p>
      <InBrowser />
    </main>
  );
}
