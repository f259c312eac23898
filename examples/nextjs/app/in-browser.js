'use client';
// A client component: the engine runs in the browser, through the package's browser entry (the
// module inline, instantiated on import). It marks the page ready once its figures equal the
// server's.
import { useEffect, useState } from 'react';
import { PolicyEngine } from 'zhenxing';
import { asOf, household } from './household.js';

export default function InBrowser() {
  const [estimate, setEstimate] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    try {
      const engine = new PolicyEngine();
      try {
        setEstimate(engine.estimate(household, asOf));
      } finally {
        engine.free();
      }
    } catch (e) {
      setError(`${e.code ?? e.name} ${e.path ?? ''}: ${e.message}`);
    }
  }, []);
  useEffect(() => {
    if (error) document.body.dataset.ready = 'error';
    if (!estimate) return;
    const server = [document.querySelector('#server-monthly')?.textContent, document.querySelector('#server-annual')?.textContent];
    const same = server[0] === estimate.totalMonthly && server[1] === estimate.totalAnnual;
    if (!same) setError(`服务器与浏览器的结果不同：${server.join(' / ')}`);
    else document.body.dataset.ready = 'true';
  }, [estimate, error]);
  if (error) return <p id="error">{error}</p>;
  if (!estimate) return <p>正在计算……</p>;
  return (
    <section>
      <p>
        浏览器中：每月 <span id="monthly">{estimate.totalMonthly}</span> 元，每年 <span id="annual">{estimate.totalAnnual}</span> 元
      </p>
      <ul id="programs">
        {estimate.programs.filter((p) => p.eligible).map((p) => (
          <li key={p.program} data-program={p.program}>
            {p.label}：{p.monthly ? `每月 ${p.monthly} 元` : `每年 ${p.annual} 元`}
          </li>
        ))}
      </ul>
    </section>
  );
}
