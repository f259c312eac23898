// The npm package as a whole: what the tarball holds, what package.json promises, the documentation
// that ships with it, and the package under the test runners integration teams use (Jest, Vitest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runInThisContext } from 'node:vm';
import { PolicyEngine, labels as labelsOf, version } from '../../dist/zhenxing/node/index.mjs';
import { built, cleanup, prepare, repo, run, tarball } from './lib.mjs';

const pkg = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));

test('the tarball holds the module and the household module, the licences, the changelog and the docs', () => {
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')).sort(), ['household/household_bg.wasm', 'web/zhenxing_bg.wasm']);
  // One copy of js/boundary.js's code for browsers (web/snippets) and one for Node: one PolicyError.
  assert.deepEqual(files.filter((f) => f.includes('snippets/')).map((f) => f.replace(/zhenxing-\w+/, 'zhenxing-*')), ['web/snippets/zhenxing-*/js/boundary.js']);
  assert.deepEqual(files.filter((f) => f.startsWith('node/')).sort(), ['node/boundary.cjs', 'node/household-engine.cjs', 'node/household.cjs',
    'node/household.mjs', 'node/index.cjs', 'node/index.mjs', 'node/package.json', 'node/web.cjs', 'node/web.mjs', 'node/zhenxing.cjs']);
  for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'package.json', 'heilongjiang.json',
    'index.d.ts', 'index.d.cts', 'web/index.d.ts', 'web/index.d.cts', 'household/index.js', 'household/index.d.ts', 'household/index.d.cts']) {
    assert.ok(files.includes(f), `${f} is missing`);
  }
  for (const doc of pkg.files.filter((f) => f.startsWith('docs/'))) assert.ok(files.includes(doc), `${doc} is missing`);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.match(readFileSync(join(built, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(built, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
});

test('every file an export condition names is in the tarball, and every side effect is declared', () => {
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of [...targets, pkg.main, pkg.module, pkg.types]) assert.ok(files.includes(t.replace(/^\.\//, '')), `${t} is not in the tarball`);
  // The modules that instantiate the wasm on import must be kept by bundlers.
  assert.ok(Array.isArray(pkg.sideEffects), 'sideEffects lists the modules with side effects');
  assert.ok(pkg.sideEffects.includes('./inline/index.js'));
});

test('engines starts at the oldest Node release tested', () => {
  const script = readFileSync(join(repo, 'scripts', 'node-versions.sh'), 'utf8');
  const versions = script.match(/^VERSIONS=\(([^)]*)\)/m)[1].trim().split(/\s+/);
  const oldest = versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
  assert.equal(pkg.engines.node, `>=${oldest}`);
});

test('the package version is the crate version', () => {
  const cargo = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"$/m)[1];
  assert.equal(pkg.version, cargo);
  assert.equal(version(), cargo);
});

test('the README, the changelog and the docs link only inside the repository and mention no issues', () => {
  const docs = ['README.md', 'CHANGELOG.md', 'pkg-config/README.md', 'examples/README.md',
    ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  for (const doc of docs) {
    const text = readFileSync(join(repo, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      assert.doesNotMatch(target, /^[a-z]+:/i, `${doc} links outside the repository: ${target}`);
      const path = target.split('#')[0];
      if (!path) continue;
      const base = doc === 'pkg-config/README.md' ? built : dirname(join(repo, doc)); // the npm README is read in the package
      const resolved = join(base, path);
      assert.ok(!relative(repo, resolved).startsWith('..') || doc === 'pkg-config/README.md', `${doc} links outside the repository: ${target}`);
      assert.ok(existsSync(resolved), `${doc} links to ${target}, which does not exist`);
    }
    assert.doesNotMatch(text, /\bissues?\b|(^|\s)#\d+\b/im, `${doc} mentions an issue`);
  }
});

test('every size figure of the docs is this build\'s (scripts/doc-sizes.mjs)', () => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'doc-sizes.mjs'), '--check'], { stdio: 'pipe' });
  // And the shipped copies are the repository's.
  for (const doc of pkg.files.filter((f) => f.startsWith('docs/'))) {
    assert.equal(readFileSync(join(built, doc), 'utf8'), readFileSync(join(repo, doc), 'utf8'), doc);
  }
});

test('the declarations name the programmes each total adds up, as the registry lists them', () => {
  const registry = readFileSync(join(repo, 'src', 'programs', 'registry.rs'), 'utf8');
  const list = registry.match(/pub const TOTALS: [^=]*= &\[([\s\S]*?)\n\];/)[1];
  const totals = [...list.matchAll(/\(\s*"(\w+)",\s*&\[([^\]]*)\]/g)].map(([, total, ids]) => [total, [...ids.matchAll(/"(\w+)"/g)].map((m) => m[1])]);
  assert.deepEqual(totals.map(([t]) => t), ['totalMonthly', 'totalAnnual', 'totalOneOff', 'totalOnBehalf', 'totalEarnings']);
  const dts = readFileSync(join(built, 'index.d.ts'), 'utf8');
  const estimate = dts.slice(dts.indexOf('export interface Estimate {'));
  const labels = labelsOf();
  for (const [total, ids] of totals) {
    const doc = estimate.match(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*${total}: string;`))[1];
    const named = [...doc.matchAll(/\(`(\w+)`\)/g)].map((m) => m[1]);
    assert.deepEqual(named, ids, `${total}: ${doc}`);
    for (const id of ids) assert.ok(doc.includes(`${labels.program[id]} (\`${id}\`)`), `${total} names ${id} by its label`);
  }
  // The Markdown reference is written from the same declarations.
  assert.match(readFileSync(join(repo, 'docs', 'api.md'), 'utf8'), /孤儿、事实无人抚养儿童基本生活费 \(`orphanAllowance`\)/);
});

test('the declarations and the reference say totalAnnual is the 12 months from the date, not monthly × 12', () => {
  const dts = readFileSync(join(built, 'index.d.ts'), 'utf8');
  const api = readFileSync(join(repo, 'docs', 'api.md'), 'utf8');
  for (const [name, text] of [['index.d.ts', dts], ['docs/api.md', api]]) {
    assert.doesNotMatch(text, /monthly cash × 12/, name);
    assert.match(text, /Annual cash support: the cash of the 12 months from the date/, name);
    assert.match(text, /Money for the 12 months from the date: for a monthly programme/, name);
  }
  // Two adults and a child of 17 in 延寿县, business 6000, on 2023-06-01: 441 × 3 − 500 = 823.00 +
  // 未成年加发 88.20 = 911.20 a month; the child turns 18 on 2023-08-10, so June to August at
  // 911.20 and 9 months at 823.00: 911.20 × 3 + 823.00 × 9 = 2733.60 + 7407.00 = 10140.60, not
  // 911.20 × 12 = 10934.40.
  const e = new PolicyEngine().estimate({ region: '230129', area: 'rural', income: { business: '6000' },
    members: [{ birthDate: '1980-03-01' }, { birthDate: '1982-05-01' }, { birthDate: '2005-08-10' }] }, '2023-06-01');
  assert.equal(e.totalMonthly, '911.20');
  assert.equal(e.totalAnnual, '10140.60');
});

test('the reference lists the programme methods with PolicyEngine, not as a type', () => {
  // The declarations merge an interface PolicyEngine into the class: its methods are the class's.
  const api = readFileSync(join(repo, 'docs', 'api.md'), 'utf8');
  const start = api.indexOf('\n## PolicyEngine\n');
  const section = api.slice(start, api.indexOf('\n## ', start + 1));
  const dts = readFileSync(join(built, 'index.d.ts'), 'utf8');
  const methods = [...dts.matchAll(/^ +\/\*\* (.+) \*\/\n +(\w+)\(h: Household, asOf: string, opts\?: CallOptions\): (\w+);$/gm)];
  assert.equal(methods.length, 13, 'the 13 household programmes');
  for (const [, description, id, result] of methods) {
    const line = section.split('\n').find((l) => l.startsWith(`- \`${id}(h: \``));
    assert.ok(line, `${id} listed under ## PolicyEngine`);
    assert.ok(line.includes(`[${result}](#${result.toLowerCase()})`) && line.endsWith(`: ${description}`), line);
  }
  assert.doesNotMatch(api, /^### PolicyEngine$/m, 'the merged interface is not shown as a type');
  const headings = [...api.matchAll(/^#+ (\S+)$/gm)].map((m) => m[1].toLowerCase());
  assert.equal(new Set(headings).size, headings.length, 'no two headings share an anchor');
});

test('docs/package.md names every value the entries export, as the built declarations and the Node entry have them', async () => {
  const doc = readFileSync(join(repo, 'docs', 'package.md'), 'utf8').replace(/\s+/g, ' ');
  const named = (text) => [...text.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
  const main = doc.match(/The first two export the same API \(([^)]*)\)/);
  assert.ok(main, 'docs/package.md lists the exports of zhenxing');
  const declared = [...readFileSync(join(built, 'index.d.ts'), 'utf8').matchAll(/^export (?:declare )?(?:class|function|const) (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(named(main[1]), declared, 'the list in docs/package.md against index.d.ts');
  assert.deepEqual(declared, Object.keys(await import('../../dist/zhenxing/node/index.mjs')).sort(), 'index.d.ts against the Node entry');
  // zhenxing/household: its values beside the engine's methods.
  const household = doc.match(/`describe`, `incomeCurve`, `free`; and ([^.]*)\. It is/);
  assert.ok(household, 'docs/package.md lists the exports of zhenxing/household');
  const dts = readFileSync(join(built, 'household', 'index.d.ts'), 'utf8');
  const values = named(dts.match(/^export \{([^}]*)\} from/m)[1].replace(/(\w+)/g, '`$1`'));
  assert.deepEqual(named(household[1]), values, 'the household list in docs/package.md against household/index.d.ts');
});

test('the browser entries bundled by esbuild as an IIFE (import.meta.url empty): init() rejects with PolicyError, never throws; given the .wasm, it loads', async () => {
  const { build } = await import('esbuild');
  const household = {
    region: '230129', status: 'alleviated',
    members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
    income: { business: '6000' },
  };
  for (const [entry, wasm] of [['web', 'web/zhenxing_bg.wasm'], ['household', 'household/household_bg.wasm']]) {
    const bundle = await build({ entryPoints: [join(built, entry, 'index.js')], bundle: true, format: 'iife', globalName: 'zx', write: false, logLevel: 'silent' });
    const zx = runInThisContext(`${bundle.outputFiles[0].text}; zx`);
    let answer;
    assert.doesNotThrow(() => { answer = zx.default(); }, entry);
    await assert.rejects(answer, (e) => e instanceof zx.PolicyError && e.code === 'INVALID_INPUT' && e.path === 'module_or_path'
      && e.message.startsWith(`无法找到 ${wasm}：import.meta.url 不可用`) && e.message.includes('请把 .wasm 文件的 URL 或内容交给 init({ module_or_path })')
      && e.cause instanceof TypeError, entry);
    await zx.default({ module_or_path: readFileSync(join(built, wasm)) });
    const engine = new zx.PolicyEngine();
    assert.deepEqual(engine.estimate(household, '2023-06-01'), new PolicyEngine().estimate(household, '2023-06-01'), entry);
    engine.free();
  }
});

// ---- Jest and Vitest -----------------------------------------------------------------------------
function withExpected(dir) {
  const household = {
    region: '230129', status: 'alleviated',
    members: [{ id: '父亲', birthDate: '1983-01-01' }, { id: '孩子', birthDate: '2013-01-01', schooling: 'primary' }],
    income: { business: '6000' },
  };
  const asOf = '2023-06-01';
  writeFileSync(join(dir, 'expected.json'), JSON.stringify({ household, asOf, estimate: new PolicyEngine().estimate(household, asOf) }));
}

test('under Jest (its defaults: CommonJS, node environment; and jsdom as docs/bundlers.md sets it up)', () => {
  const dir = prepare(join(repo, 'tests', 'package', 'jest'), 'jest');
  try {
    withExpected(dir);
    const out = run(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', '--colors=false'], { cwd: dir });
    console.log(out.trim());
  } finally {
    cleanup(dir);
  }
});

test('under Vitest (its defaults: ES modules, node environment)', () => {
  const dir = prepare(join(repo, 'tests', 'package', 'vitest'), 'vitest');
  try {
    withExpected(dir);
    const out = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=verbose'], { cwd: dir, env: { NO_COLOR: '1' } });
    console.log(out.trim());
  } finally {
    cleanup(dir);
  }
});
