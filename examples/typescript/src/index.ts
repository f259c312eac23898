// TypeScript (strict, module nodenext): the declarations ship with the package.
import { PolicyEngine, PolicyError, type Estimate } from 'zhenxing';
import { asOf, household } from './household.js';

const engine = new PolicyEngine();
try {
  const estimate: Estimate = engine.estimate(household, asOf);
  console.log(`${asOf} 全户现金帮扶：每月 ${estimate.totalMonthly} 元，每年 ${estimate.totalAnnual} 元`);
  for (const p of estimate.programs.filter((p) => p.eligible)) {
    console.log(`  ${p.label}：${p.monthly ? `每月 ${p.monthly} 元` : `每年 ${p.annual} 元`}`);
  }
} catch (e) {
  if (!(e instanceof PolicyError)) throw e;
  console.error(`${e.code} ${e.path}: ${e.message}`);
  process.exitCode = 1;
} finally {
  engine.free(); // engines hold WebAssembly memory until freed
}
