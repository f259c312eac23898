// The entry by its path and the work in an async function: import maps and top-level await are newer
// than the browsers such a page must run on (Chromium 86, Firefox 78: docs/browsers.md).
import init, { PolicyEngine } from './node_modules/zhenxing/web/index.js';
import { asOf, household } from './household.js';

async function main() {
  // Without a bundler: init() fetches zhenxing_bg.wasm from beside web/index.js (once; later calls
  // resolve at once). Anything called before it throws PolicyError NOT_INITIALIZED; a browser below
  // the floor gets PolicyError UNSUPPORTED_BROWSER, naming what it lacks.
  await init();
  // One engine, freed when done: engines hold WebAssembly memory until free() (docs/memory.md).
  const engine = new PolicyEngine();
  try {
    show(engine.estimate(household, asOf));
  } finally {
    engine.free();
  }
}

main().catch(showError);

/** Shows the estimate: the cash totals and each programme the household qualifies for. */
function show(estimate) {
  document.querySelector('#monthly').textContent = estimate.totalMonthly;
  document.querySelector('#annual').textContent = estimate.totalAnnual;
  for (const p of estimate.programs.filter((p) => p.eligible)) {
    const li = document.createElement('li');
    li.dataset.program = p.program;
    li.textContent = `${p.label}：${p.monthly ? `每月 ${p.monthly} 元` : `每年 ${p.annual} 元`}`;
    document.querySelector('#programs').append(li);
  }
  document.body.dataset.ready = 'true';
}

/** A PolicyError has a code, a path and a Chinese message. */
function showError(error) {
  const p = document.querySelector('#error');
  p.hidden = false;
  p.textContent = `${error.code ?? error.name} ${error.path ?? ''}: ${error.message}`;
  document.body.dataset.ready = 'error';
}
