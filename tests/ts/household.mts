// `zhenxing/household` (type-checked, never run): init first, as `zhenxing/web`; the household
// methods of the full engine with their result types, and no other.
import init, { initSync, PolicyEngine, PolicyError, labels, version, type HouseholdMethod, type Estimate, type Household } from 'zhenxing/household';
import type { PolicyEngine as FullPolicyEngine } from 'zhenxing';

declare function report(...values: unknown[]): void;

await init();
await init({ module_or_path: new URL('https://example.invalid/household_bg.wasm') });
initSync({ module: new Uint8Array(8) });

const engine = new PolicyEngine();
const household: Household = { region: '230129', members: [{ birthDate: '1983-01-01' }] };
const estimate: Estimate = engine.estimate(household, '2023-06-01', { explain: false });
const full: FullPolicyEngine['dibao'] = engine.dibao;
const method: HouseholdMethod = 'readForm';
// @ts-expect-error: the what-ifs are the full module's
engine.compare(household, '2023-06-01', engine);
// @ts-expect-error: so are the registers
engine.screenMany([household], '2023-06-01');
// @ts-expect-error: and fromParameters: the household module reads no parameter file
PolicyEngine.fromParameters('{}');
// @ts-expect-error: not even through the constructor (the full module's constructor reads one)
new PolicyEngine('{}');
try {
  engine.transition('2023-02-29');
} catch (e) {
  if (e instanceof PolicyError) report(e.code, e.path);
}
engine.free();
report(estimate.totalAnnual, full, method, labels().program.dibao, version());
