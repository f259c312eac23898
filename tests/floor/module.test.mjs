// The browser floor (docs/browsers.md), without a browser: the built module validated by binaryen
// against exactly the floor's WebAssembly features, so that a toolchain update cannot raise the floor
// silently; the build configured for that list and no other; the package's own check of a browser
// (js/support.js) and the PolicyError UNSUPPORTED_BROWSER it throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import binaryen from 'binaryen';
import { PolicyError } from '../../js/boundary.js';
import { WASM_FEATURES, assertSupported, missingFeatures, syncCompileRefused } from '../../js/support.js';

const repo = new URL('../..', import.meta.url).pathname;
// The package's two modules (the full one, and the household one of zhenxing/household), each with
// its glue.
const MODULES = [['web/zhenxing_bg.wasm', 'web/zhenxing.js'], ['household/household_bg.wasm', 'household/zhenxing.js']];

// The floor's features in the names of each tool.
const BINARYEN = { 'mutable-globals': 'MutableGlobals', 'sign-ext': 'SignExt', 'nontrapping-fptoint': 'NontrappingFPToInt' };
const WASM_OPT = { 'mutable-globals': '--enable-mutable-globals', 'sign-ext': '--enable-sign-ext', 'nontrapping-fptoint': '--enable-nontrapping-float-to-int' };
const F = binaryen.Features;
const FLOOR = WASM_FEATURES.reduce((set, f) => set | F[BINARYEN[f.feature]], F.MVP);

/**
 * Whether binaryen finds `bytes` valid when only `features` are allowed. It prints what it refuses to
 * stderr: the tests below show that it refuses, so such lines in the output are expected.
 */
function validUnder(bytes, features) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(features);
    return Boolean(module.validate());
  } finally {
    module.dispose();
  }
}
const binary = (text, features = F.All) => {
  const module = binaryen.parseText(text);
  module.setFeatures(features);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
};

test('the floor is the 2017 core with mutable globals, sign extension and non-trapping float-to-int', () => {
  assert.deepEqual(WASM_FEATURES.map((f) => f.feature), ['mutable-globals', 'sign-ext', 'nontrapping-fptoint']);
});

test('the built modules validate against exactly the floor\'s WebAssembly features', () => {
  for (const [file] of MODULES) {
    const wasm = readFileSync(join(repo, 'dist/zhenxing', file));
    assert.ok(validUnder(wasm, FLOOR), `dist/zhenxing/${file} uses a feature beyond the floor (binaryen printed which, above)`);
  }
  // The features Rust enables by default since 1.82 and the floor lacks are refused by the same check.
  const beyond = {
    'reference-types': ['(module (table 1 externref))', F.ReferenceTypes],
    multivalue: ['(module (func (result i32 i32) (i32.const 1) (i32.const 2)))', F.Multivalue],
    'bulk-memory': ['(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 8))))', F.BulkMemory | F.BulkMemoryOpt],
  };
  for (const [name, [text, feature]] of Object.entries(beyond)) {
    const bytes = binary(text);
    assert.equal(validUnder(bytes, FLOOR), false, `a module using ${name} passes the floor's check`);
    assert.equal(validUnder(bytes, FLOOR | feature), true, `the ${name} module is broken`);
  }
});

test('the modules say they need nothing beyond the floor (their target_features section)', () => {
  for (const [file, glueFile] of MODULES) {
    // wasm-bindgen reads this section: reference-types in it would make the glue use externref.
    const listed = targetFeatures(readFileSync(join(repo, 'dist/zhenxing', file)));
    for (const feature of listed) assert.ok(WASM_FEATURES.some((f) => f.feature === feature), `${file}: target_features lists ${feature}`);
    const glue = readFileSync(join(repo, 'dist/zhenxing', glueFile), 'utf8');
    assert.doesNotMatch(glue, /externref/, `${glueFile} uses an externref table`);
  }
});

/** The features a module's target_features custom section lists as used ('+'). */
function targetFeatures(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const name = bytes.subarray(at + 1, at + 1 + bytes[at]).toString();
      if (name === 'target_features') {
        at += 1 + bytes[at];
        const used = [];
        for (let n = leb(); n > 0; n--) {
          const prefix = String.fromCharCode(bytes[at++]);
          const length = leb();
          const feature = bytes.subarray(at, at + length).toString();
          at += length;
          if (prefix === '+') used.push(feature);
        }
        return used;
      }
    }
    at = end;
  }
  return [];
}

test('the build asks for the floor\'s features and no other (rustc, the linker, wasm-opt)', () => {
  const config = readFileSync(join(repo, '.cargo/config.toml'), 'utf8');
  const floor = WASM_FEATURES.map((f) => f.feature);
  assert.match(config, /\[target\.wasm32-unknown-unknown\]/);
  assert.match(config, /"-C", "target-cpu=mvp"/);
  assert.deepEqual(config.match(/target-feature=([^"]*)"/)[1].split(','), floor.map((f) => `+${f}`));
  // The linked output lists what the module uses: the floor, and bulk memory from the precompiled
  // standard library, which wasm-opt then lowers away.
  assert.deepEqual(config.match(/link-arg=--features=([^"]*)"/)[1].split(','), [...floor, 'bulk-memory']);
  const cargo = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
  const flags = JSON.parse(cargo.match(/^wasm-opt = (\[[^\]]*\])/m)[1]);
  assert.deepEqual(flags, ['--mvp-features', ...floor.map((f) => WASM_OPT[f]), '--enable-bulk-memory', '--llvm-memory-copy-fill-lowering', '-Oz']);
});

test('each probe of js/support.js is valid exactly where its feature is', () => {
  for (const f of WASM_FEATURES) {
    const bytes = new Uint8Array(f.module);
    assert.equal(validUnder(bytes, F.MVP), false, `${f.feature}: the probe is valid without the feature`);
    assert.equal(validUnder(bytes, F.MVP | F[BINARYEN[f.feature]]), true, `${f.feature}: the probe is not valid with it`);
    assert.equal(WebAssembly.validate(bytes), true, `${f.feature}: Node rejects the probe`);
  }
});

/** Runs `f` with WebAssembly.validate refusing the probes of `features` (a browser without them). */
function without(features, f) {
  const validate = WebAssembly.validate;
  const refused = WASM_FEATURES.filter((w) => features.includes(w.feature)).map((w) => String(w.module));
  WebAssembly.validate = (bytes) => !refused.includes(String(Array.from(bytes))) && validate(bytes);
  try {
    return f();
  } finally {
    WebAssembly.validate = validate;
  }
}

test('the package\'s check: nothing missing here; a browser below the floor gets UNSUPPORTED_BROWSER naming what it lacks', () => {
  assert.deepEqual(missingFeatures(), []);
  assert.doesNotThrow(assertSupported);
  assert.deepEqual(without(['sign-ext'], missingFeatures), ['WebAssembly 符号扩展指令（sign-ext）']);
  const e = without(['sign-ext', 'nontrapping-fptoint'], () => captured(assertSupported));
  assert.ok(e instanceof PolicyError, `assertSupported threw ${e}`);
  assert.equal(e.code, 'UNSUPPORTED_BROWSER');
  assert.equal(e.path, '');
  assert.match(e.message, /^本浏览器不能运行本计算模块：缺少 WebAssembly 符号扩展指令（sign-ext）、WebAssembly 不陷入的浮点转整数指令（nontrapping-fptoint）。可用的浏览器：Chrome、Edge 等 Chromium 内核 86 及以上/);
  assert.deepEqual(e.problems.map((p) => p.message), ['缺少 WebAssembly 符号扩展指令（sign-ext）', '缺少 WebAssembly 不陷入的浮点转整数指令（nontrapping-fptoint）']);
  const saved = globalThis.WebAssembly;
  try {
    delete globalThis.WebAssembly;
    assert.deepEqual(missingFeatures(), ['WebAssembly']);
  } finally {
    globalThis.WebAssembly = saved;
  }
});

function captured(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

test('Chromium refusing to compile the inline module on the main thread becomes UNSUPPORTED_BROWSER; other errors pass', () => {
  const refused = new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB. Use WebAssembly.compile, or compile on a worker thread.');
  const e = syncCompileRefused(refused);
  assert.ok(e instanceof PolicyError);
  assert.equal(e.code, 'UNSUPPORTED_BROWSER');
  assert.match(e.message, /Chromium 114 以前.*zhenxing\/web 并 await init\(\)/);
  const other = new RangeError('WebAssembly.Memory(): could not allocate memory');
  assert.equal(syncCompileRefused(other), other);
  const typeError = new TypeError('main thread');
  assert.equal(syncCompileRefused(typeError), typeError);
});

test('the packed package refuses to load below the floor, with the PolicyError, before compiling', () => {
  // Node has every feature; a preload takes sign extension away, as an older engine would lack it.
  const probe = String(WASM_FEATURES.find((f) => f.feature === 'sign-ext').module);
  const preload = `const v = WebAssembly.validate; WebAssembly.validate = (b) => String(Array.from(b)) !== ${JSON.stringify(probe)} && v(b);`;
  const script = `try { require(${JSON.stringify(join(repo, 'dist/zhenxing/node/index.cjs'))}); console.log('loaded'); }
    catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })); }`;
  const r = spawnSync(process.execPath, ['-e', `${preload}\n${script}`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.equal(e.name, 'PolicyError');
  assert.equal(e.code, 'UNSUPPORTED_BROWSER');
  assert.match(e.message, /缺少 WebAssembly 符号扩展指令（sign-ext）/);
});
