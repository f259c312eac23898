// Golden cases through the WebAssembly package: each must give the very string the native build
// wrote (target/golden-native, produced by `cargo test`), and match the case's expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyEngine, PolicyError } from 'zhenxing';

const repo = process.env.ZX_REPO;
const casesDir = join(repo, 'tests', 'cases');
const nativeDir = join(repo, 'target', 'golden-native');
const base = new PolicyEngine();

// Every entry point by its name, as the case gives it (a household programme's name is its id);
// `compare` takes the what-if engine built from the case's overrides.
function call(engine, name, args) {
  if (name === 'compare') return engine.compare(args[0], args[1], engine.withOverrides(args[2]));
  if (typeof engine[name] !== 'function') throw new Error(`unknown call ${name}`);
  return engine[name](...args);
}

/** The programme ids of a list whose every entry names one (`{ program: id, … }`), or null. */
function programmeIds(list) {
  const ids = list.map((v) => (v !== null && typeof v === 'object' && typeof v.program === 'string' ? v.program : null));
  return ids.length > 0 && ids.every((id) => id !== null) ? ids : null;
}

// A case lists only the programmes it says something of, in the registry's order (the native
// runner checks that the result holds every programme of the registry; this build must write the
// same string).
function subset(expected, actual, path = '') {
  if (Array.isArray(expected) && programmeIds(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array`);
    const got = programmeIds(actual) ?? [];
    let from = 0;
    for (const e of expected) {
      const at = got.indexOf(e.program, from);
      assert.ok(at >= 0, `${path}: ${e.program} missing, or out of the registry's order`);
      subset(e, actual[at], `${path}[${e.program}]`);
      from = at + 1;
    }
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => subset(e, actual[i], `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) {
      assert.ok(actual && k in actual, `${path}.${k}: missing`);
      subset(v, actual[k], `${path}.${k}`);
    }
  } else {
    assert.deepEqual(actual, expected, path);
  }
}

const files = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();
test('there are golden cases', () => assert.ok(files.length > 0));

for (const file of files) {
  const name = file.replace(/\.json$/, '');
  const c = JSON.parse(readFileSync(join(casesDir, file), 'utf8'));
  test(`${name}: ${c.title}`, () => {
    const engine = c.overrides ? base.withOverrides(c.overrides) : base;
    let written;
    try {
      const result = call(engine, c.call, c.args);
      assert.ok(c.expect, 'expected an error, got a result');
      subset(c.expect, result);
      written = JSON.stringify(result);
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      assert.ok(c.expectError, `unexpected error ${e.code} ${e.path} ${e.message}`);
      subset(c.expectError, { code: e.code, path: e.path });
      written = JSON.stringify({ error: { code: e.code, message: e.message, path: e.path } });
    }
    const nativeFile = join(nativeDir, `${name}.json`);
    assert.ok(existsSync(nativeFile), `no native output for ${name}: run cargo test first`);
    assert.equal(written, readFileSync(nativeFile, 'utf8'), 'WebAssembly and native disagree');
  });
}
