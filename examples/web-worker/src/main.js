import { asOf, household } from './household.js';

// Vite bundles the worker and its imports (zhenxing among them) as a module worker.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => (data.ok ? show(data.estimate) : showError(data.error));
worker.onerror = (event) => showError({ name: 'Error', message: event.message });
worker.postMessage({ household, asOf });

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
