// @ts-check
// What the module and its glue need from the browser (docs/browsers.md). Checked before the module is
// compiled, so that a browser below the floor gets a PolicyError naming what it lacks rather than a
// CompileError about an unknown instruction.
import { PolicyError } from './boundary.js';

const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/**
 * A module of one function `() -> i32` whose body (after its locals) is `code`.
 * @param {number[]} code
 */
const oneFunction = (code) => [...header, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
  0x0a, code.length + 3, 0x01, code.length + 1, 0x00, ...code];

/**
 * The WebAssembly features the module is built with beyond the 2017 core (the MVP), each with the
 * smallest module that is valid only where the feature is. The build and its test use this same list.
 */
export const WASM_FEATURES = [
  // (import "a" "b" (global (mut i32)))
  { feature: 'mutable-globals', label: '可变全局变量的导入导出（mutable-globals）',
    module: [...header, 0x02, 0x08, 0x01, 0x01, 0x61, 0x01, 0x62, 0x03, 0x7f, 0x01] },
  // i32.const 0, i32.extend8_s
  { feature: 'sign-ext', label: '符号扩展指令（sign-ext）', module: oneFunction([0x41, 0x00, 0xc0, 0x0b]) },
  // f32.const 0, i32.trunc_sat_f32_s
  { feature: 'nontrapping-fptoint', label: '不陷入的浮点转整数指令（nontrapping-fptoint）',
    module: oneFunction([0x43, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x00, 0x0b]) },
];

/** The browsers that run the calculator, for messages. */
export const FLOOR = 'Chrome、Edge 等 Chromium 内核 86 及以上（360 安全浏览器 13 及以上、各信创浏览器，均用极速模式），'
  + 'Firefox 78 ESR 及以上，Safari 15 及以上（iOS 15 及以上）';

/** What this JavaScript environment lacks of what the module needs, in Chinese; empty when nothing. */
export function missingFeatures() {
  const missing = [];
  if (typeof TextEncoder !== 'function' || typeof TextDecoder !== 'function') missing.push('TextEncoder / TextDecoder（UTF-8 编解码）');
  const wasm = typeof WebAssembly === 'object' && WebAssembly !== null ? WebAssembly : null;
  if (!wasm || typeof wasm.validate !== 'function' || typeof wasm.instantiate !== 'function' || typeof wasm.Module !== 'function') {
    missing.push('WebAssembly');
    return missing;
  }
  for (const f of WASM_FEATURES) {
    let valid = false;
    try {
      valid = wasm.validate(new Uint8Array(f.module));
    } catch (e) {
      valid = false;
    }
    if (!valid) missing.push(`WebAssembly ${f.label}`);
  }
  return missing;
}

/** Throws PolicyError UNSUPPORTED_BROWSER naming what is missing, unless nothing is. */
export function assertSupported() {
  const missing = missingFeatures();
  if (missing.length === 0) return;
  throw new PolicyError('UNSUPPORTED_BROWSER', '',
    `本浏览器不能运行本计算模块：缺少 ${missing.join('、')}。可用的浏览器：${FLOOR}。`,
    missing.map((m) => ({ path: '', message: `缺少 ${m}` })));
}

/**
 * `error` as the PolicyError to throw when it is Chromium (before 114) refusing to compile a module
 * larger than 4 KB synchronously on a page's main thread; otherwise `error` itself.
 * @param {unknown} error
 */
export function syncCompileRefused(error) {
  if (!(error instanceof RangeError) || !/main thread/.test(String(error.message))) return error;
  return new PolicyError('UNSUPPORTED_BROWSER', '',
    '本浏览器（Chromium 114 以前的内核）不允许在页面主线程同步编译大于 4 KB 的 WebAssembly 模块，'
    + "而 import 'zhenxing' 在导入时同步编译：请在页面中改用 zhenxing/web 并 await init()，或在 Web Worker 中使用。",
    [{ path: '', message: String(error.message) }]);
}
