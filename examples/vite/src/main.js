import { PolicyEngine } from 'zhenxing';
import { asOf, household } from './household.js';

try {
  // One engine, freed when done: engines hold WebAssembly memory until free() (docs/memory.md).
  const engine = new PolicyEngine();
  try {
    show(engine.estimate(household, asOf));
  } finally {
    engine.free();
  }
} catch (error) {
  showError(error);
}

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
