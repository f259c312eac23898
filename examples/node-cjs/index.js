// CommonJS: require('zhenxing') loads the module synchronously; nothing to initialise.
const { PolicyEngine, PolicyError } = require('zhenxing');
const { asOf, household } = require('./household.js');

const engine = new PolicyEngine();
try {
  const estimate = engine.estimate(household, asOf);
  console.log(`${asOf} 全户现金帮扶：每月 ${estimate.totalMonthly} 元，每年 ${estimate.totalAnnual} 元`);
  console.log('符合条件的项目（现金，以及代缴保费、岗位报酬等非现金帮扶）：');
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
