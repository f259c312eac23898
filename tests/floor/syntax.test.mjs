// The checker `make lint` runs on the shipped JavaScript (scripts/floor-syntax.mjs): it must refuse
// what the floor lacks (Chromium 86, Firefox 78 ESR, Safari 15) and pass what the floor has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSource } from '../../scripts/floor-syntax.mjs';

const check = (source, options) => checkSource('example.js', source, options);

test('syntax the floor has passes: optional chaining, ??, class fields, numeric separators, import.meta', async () => {
  const source = `export const a = (x) => x?.y?.[0] ?? 1_000;
export class A { b = 1; static c = 2; async *d() { for await (const e of []) yield e; } }
try { JSON.parse('') } catch { }
export const url = new URL('./x.wasm', import.meta.url);
const { p, ...rest } = { p: 1, q: 2 };
export const n = typeof structuredClone === 'function' ? structuredClone(rest) : JSON.parse(JSON.stringify(rest));
export const last = (xs) => xs[xs.length - 1];`;
  assert.deepEqual(await check(source), []);
});

test('syntax newer than the floor is refused, each with where it is', async () => {
  const newer = {
    'logical assignment (Firefox 79)': 'export function f(o) { o.x ??= 1; }',
    'private fields (Firefox 90)': 'export class A { #x = 1; get() { return this.#x; } }',
    'private methods (Firefox 90)': 'export class A { #m() {} run() { this.#m(); } }',
    'static blocks (Chromium 94)': 'export class A { static { this.x = 1; } }',
    'top-level await (Chromium 89, Firefox 89)': 'export const x = await Promise.resolve(1);',
    'a spread before the last argument of an optional call (Chromium 91)': 'export const g = (a, xs) => a?.f(...xs, 1);',
  };
  for (const [what, source] of Object.entries(newer)) {
    const problems = await check(source);
    assert.ok(problems.length > 0, `${what} passes`);
    assert.match(problems[0], /^example\.js/, what);
  }
});

test('library calls newer than the floor are refused unless guarded by typeof', async () => {
  for (const source of ['export const l = (xs) => xs.at(-1);', 'export const c = (h) => structuredClone(h);',
    'export const o = (x) => Object.hasOwn(x, "a");', 'export const f = (xs) => xs.findLast(Boolean);']) {
    const problems = await check(source);
    assert.equal(problems.length, 1, source);
    assert.match(problems[0], /example\.js:1: .* is newer than the floor \(Chromium \d+/);
  }
  assert.deepEqual(await check("export const d = (t) => typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(t) : null;"), []);
});

test('a classic script is held to ES5: it must run where modules do not', async () => {
  assert.deepEqual(await check("(function () { 'use strict'; var a = [1]; a.forEach(function (x) { return x; }); }());", { classic: true }), []);
  for (const source of ['const a = 1;', 'var f = () => 1;', 'var s = `x`;', 'var o = { ...p };']) {
    assert.ok((await check(source, { classic: true })).length > 0, `${source} passes as ES5`);
  }
});
