// The package's declarations as TypeScript users meet them. Run by tests/js/run.sh inside a fresh
// project that installed the packed tarball (and @types/node): strict tsc without skipLibCheck on three
// lib settings, and arethetypeswrong on the tarball.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repo = process.env.ZX_REPO;
assert.ok(repo, 'ZX_REPO must name the repository');
const here = new URL('.', import.meta.url).pathname;
const bin = (name) => join(repo, 'node_modules', '.bin', name);

function tsc(args) {
  const r = spawnSync(bin('tsc'), args, { cwd: here, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

for (const [config, what] of [
  ['tsconfig.browser.json', 'a browser project: lib ["es2022", "dom"], moduleResolution bundler'],
  ['tsconfig.node.json', 'a Node project: lib ["es2022"] with @types/node, module nodenext (ESM and CommonJS files)'],
  ['tsconfig.json', 'a project with lib esnext.disposable: `using` frees an engine'],
]) {
  test(`strict tsc without skipLibCheck, ${what}`, () => {
    const r = tsc(['-p', config]);
    assert.equal(r.status, 0, r.output);
  });
}

// `tsc --noEmit --strict file.ts` with no tsconfig: TypeScript's defaults (target ES5 and its lib,
// module CommonJS, so the .d.cts declarations), as someone trying the package first would run it.
test('strict tsc without a tsconfig: TypeScript\'s default target and lib (ES5)', () => {
  const r = tsc(['--noEmit', '--strict', 'default-lib.ts']);
  assert.equal(r.status, 0, r.output);
});

// ---- arethetypeswrong ----------------------------------------------------------------------------
test('arethetypeswrong finds no problem in the tarball (node10, node16 CJS and ESM, bundler)', () => {
  // The .wasm subpaths are files to fetch or read, not modules: there are no types to resolve.
  const r = spawnSync(bin('attw'), [join(repo, 'dist', 'zhenxing.tgz'), '--exclude-entrypoints', './web/zhenxing_bg.wasm',
    './household/household_bg.wasm', '--no-color'], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  // Every subpath that is a module is checked: zhenxing, zhenxing/web, zhenxing/household.
  for (const entry of ['"zhenxing"', '"zhenxing/web"', '"zhenxing/household"']) assert.ok(output.includes(entry), `${entry} not checked:\n${output}`);
  assert.equal(r.status, 0, output);
  assert.match(output, /No problems found/, output);
});
