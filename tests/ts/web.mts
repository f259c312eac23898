// `zhenxing/web` from an ES module (type-checked, never run): init first, then the same API.
import init, { init as namedInit, initSync, PolicyEngine, PolicyError, type InitOutput, type TransitionStatus } from 'zhenxing/web';

declare function report(...values: unknown[]): void;

const output: InitOutput = await init();
// The same function under its name.
const same: typeof init = namedInit;
await init({ module_or_path: new URL('https://example.invalid/zhenxing_bg.wasm') });
await init({ module_or_path: new Uint8Array(8) });
initSync({ module: new Uint8Array(8) });
// @ts-expect-error: the location goes in { module_or_path }
await init({ path: 'zhenxing_bg.wasm' });

const engine = new PolicyEngine();
const t: TransitionStatus = engine.transition('2023-06-01', '230129');
try {
  engine.free();
} catch (e) {
  if (e instanceof PolicyError && e.code === 'NOT_INITIALIZED') report(e.message);
}
report(output.memory, t.year, same);
