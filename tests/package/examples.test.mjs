// Every project in examples/, built against the freshly packed tarball as its own lockfile installs it:
// the Node ones run on every tested Node release, the pages load in Debian's chromium (the Vite ones
// from the build and from the dev server, Next.js from `next start`). What each shows must equal what the Node package computes
// for the same household (read from the example's own household module). No request may leave
// 127.0.0.1. Bundle sizes go to test-output/bundle-sizes.{json,md}.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PolicyEngine } from '../../dist/zhenxing/node/index.mjs';
import { built, chromiumArgs, cleanup, outputSizes, prepare, repo, run, serve, start, visit } from './lib.mjs';

const nodes = execFileSync(join(repo, 'scripts', 'node-versions.sh'), { encoding: 'utf8' }).trim().split('\n');
const engine = new PolicyEngine();
const sizes = [];
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});
after(async () => {
  await browser?.close();
  report();
});

/** What the Node package computes for the example's own household. */
async function expected(dir, module) {
  const m = await import(join(dir, module));
  const { household, asOf } = m.household ? m : m.default;
  const estimate = engine.estimate(household, asOf);
  return {
    monthly: estimate.totalMonthly,
    annual: estimate.totalAnnual,
    programs: estimate.programs.filter((p) => p.eligible).map((p) => p.program),
  };
}

function checkPage(name, want, { shown, requests, problems }) {
  assert.deepEqual(problems, [], `${name}: problems on the page`);
  assert.equal(shown.ready, 'true', `${name}: the page shows an error: ${shown.error}`);
  assert.deepEqual({ monthly: shown.monthly, annual: shown.annual, programs: shown.programs }, want, `${name}: the page differs from the Node package`);
  const away = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(u));
  assert.deepEqual(away, [], `${name}: requests leaving 127.0.0.1`);
}

// ---- Node ----------------------------------------------------------------------------------------
for (const [name, household, entry, build] of [
  ['node-cjs', 'household.js', 'index.js'],
  ['node-esm', 'household.js', 'index.js'],
  ['typescript', 'dist/household.js', 'dist/index.js', true],
]) {
  test(`examples/${name}: prints the Node package's estimate${build ? ' (tsc strict, then node)' : ', on every tested Node'}`, async () => {
    const dir = prepare(join(repo, 'examples', name), name);
    try {
      if (build) run('npm', ['run', '--silent', 'build'], { cwd: dir });
      const want = await expected(dir, household);
      for (const node of build ? [process.execPath] : nodes) {
        const out = run(node, [entry], { cwd: dir });
        const m = out.match(/每月 (\S+) 元，每年 (\S+) 元/);
        assert.ok(m, `${name} on ${node}: unexpected output\n${out}`);
        assert.deepEqual([m[1], m[2]], [want.monthly, want.annual], `${name} on ${node}`);
      }
    } finally {
      cleanup(dir);
    }
  });
}

// ---- pages ---------------------------------------------------------------------------------------
const pages = [
  // name, household module, build output, folder served, a dev server too
  { name: 'vite', household: 'src/household.js', out: 'dist', root: 'dist', dev: true },
  { name: 'web-worker', household: 'src/household.js', out: 'dist', root: 'dist', dev: true },
  { name: 'webpack', household: 'src/household.js', out: 'dist', root: '.' },
  { name: 'esbuild', household: 'src/household.js', out: 'dist', root: '.' },
  { name: 'rollup', household: 'src/household.js', out: 'dist', root: '.' },
  { name: 'plain-html', household: 'household.js', root: '.' },
  // The same projects with `zhenxing/web` and `await init()` instead (docs/bundlers.md): the bundler
  // emits the .wasm as a file of its own and the page fetches it.
  { name: 'vite', entry: 'zhenxing/web', main: 'src/main.js', household: 'src/household.js', out: 'dist', root: 'dist', dev: true },
  { name: 'webpack', entry: 'zhenxing/web', main: 'src/index.js', household: 'src/household.js', out: 'dist', root: '.' },
  // And with `zhenxing/household`, the household module: Vite and webpack as for zhenxing/web; esbuild as
  // docs/bundlers.md says (--format=esm, the page's script a module, household_bg.wasm copied beside
  // the bundle). The figures are the full module's.
  { name: 'vite', entry: 'zhenxing/household', main: 'src/main.js', household: 'src/household.js', out: 'dist', root: 'dist', dev: true },
  { name: 'webpack', entry: 'zhenxing/household', main: 'src/index.js', household: 'src/household.js', out: 'dist', root: '.' },
  { name: 'esbuild', entry: 'zhenxing/household', main: 'src/main.js', household: 'src/household.js', out: 'dist', root: '.', esm: true },
];

/** The .wasm file of each entry that fetches one. */
const WASM = { 'zhenxing/web': 'web/zhenxing_bg.wasm', 'zhenxing/household': 'household/household_bg.wasm' };

/** esbuild as docs/bundlers.md says for zhenxing/household: an ES module, the .wasm copied beside it. */
function buildEsm(dir) {
  run('npm', ['run', '--silent', 'build', '--', '--format=esm'], { cwd: dir });
  cpSync(join(dir, 'node_modules', 'zhenxing', 'household', 'household_bg.wasm'), join(dir, 'dist', 'household_bg.wasm'));
  const html = join(dir, 'index.html');
  const source = readFileSync(html, 'utf8');
  assert.ok(source.includes('<script src="dist/main.js">'), 'index.html loads dist/main.js');
  writeFileSync(html, source.replace('<script src="dist/main.js">', '<script type="module" src="dist/main.js">'));
}

/** A bundler's warning that the bundle is large: docs/bundlers.md says it and how to raise the limit. */
function warnedOfSize(label, output) {
  const doc = readFileSync(join(repo, 'docs', 'bundlers.md'), 'utf8');
  const warnings = [[/larger than 500 kB/, 'chunkSizeWarningLimit'], [/exceed the recommended size limit/, 'maxAssetSize']];
  for (const [warning, setting] of warnings) {
    if (warning.test(output)) assert.ok(doc.includes(setting), `${label} warns (${warning}) and docs/bundlers.md does not say ${setting}`);
  }
}

for (const ex of pages) {
  const label = ex.entry ? `${ex.name} with ${ex.entry}` : ex.name;
  test(`examples/${label}: ${ex.out ? 'built, ' : ''}the page in chromium shows the Node package's estimate${ex.dev ? '; so does the dev server' : ''}`, async () => {
    const dir = prepare(join(repo, 'examples', ex.name), ex.name);
    try {
      if (ex.entry) {
        const main = join(dir, ex.main);
        const source = readFileSync(main, 'utf8');
        const from = "import { PolicyEngine } from 'zhenxing';";
        assert.ok(source.includes(from), `${ex.main} imports zhenxing as expected`);
        writeFileSync(main, source.replace(from, `import init, { PolicyEngine } from '${ex.entry}';\nawait init();`));
      }
      if (ex.out) {
        const started = Date.now();
        if (ex.esm) buildEsm(dir);
        else warnedOfSize(label, run('npm', ['run', '--silent', 'build'], { cwd: dir }));
        ex.buildSeconds = (Date.now() - started) / 1000;
      }
      const want = await expected(dir, ex.household);
      const server = await serve(join(dir, ex.root === '.' ? '' : ex.root).replace(/\/$/, ''));
      let visited;
      try {
        visited = await visit(browser, server.url, label.replace(/\W+/g, '-'));
      } finally {
        await server.close();
      }
      checkPage(label, want, visited);
      if (ex.entry) {
        // One .wasm emitted, the entry's own (not the other module), and the page fetched it.
        const emitted = outputSizes(join(dir, ex.out)).filter((f) => f.file.endsWith('.wasm'));
        assert.equal(emitted.length, 1, `${label}: one .wasm emitted`);
        assert.ok(readFileSync(join(dir, ex.out, emitted[0].file)).equals(readFileSync(join(built, WASM[ex.entry]))), `${label}: ${emitted[0].file} is ${WASM[ex.entry]}`);
        assert.deepEqual(visited.downloads.filter((d) => /\.wasm$/.test(new URL(d.url).pathname)).map((d) => d.bytes), [emitted[0].bytes], `${label}: the page fetched it`);
      }
      sizes.push({
        example: label,
        emitted: ex.out ? outputSizes(join(dir, ex.out)) : [],
        downloaded: visited.downloads.map((d) => ({ ...d, url: new URL(d.url).pathname })),
      });
      if (ex.dev) {
        const dev = await start(process.execPath, ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--clearScreen', 'false'], { cwd: dir });
        try {
          checkPage(`${label} (vite dev server)`, want, await visit(browser, dev.url, `${label.replace(/\W+/g, '-')}-dev`));
        } finally {
          await dev.stop();
        }
      }
    } finally {
      cleanup(dir);
    }
  });
}

// ---- Next.js -------------------------------------------------------------------------------------
process.env.NEXT_TELEMETRY_DISABLED = '1'; // no request leaves the machine

/** A port nothing listens on, for a server that must be told one. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

test('examples/nextjs: next build (App Router, Turbopack) with no configuration; next start; the page in chromium shows the Node package\'s estimate, from the server and from the browser', async () => {
  const dir = prepare(join(repo, 'examples', 'nextjs'), 'nextjs');
  try {
    const started = Date.now();
    const out = run('npm', ['run', '--silent', 'build'], { cwd: dir });
    // The page is prerendered: the server component constructed an engine at build time.
    assert.match(out, /Turbopack/);
    assert.match(out, /○ \//, 'the page is static, computed during the build');
    const buildSeconds = (Date.now() - started) / 1000;
    const want = await expected(dir, 'app/household.js');
    const server = await start(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(await freePort()), '-H', '127.0.0.1'], { cwd: dir });
    let visited;
    try {
      visited = await visit(browser, server.url, 'nextjs');
    } finally {
      await server.stop();
    }
    // The client component marks the page ready only when its figures equal the server's.
    checkPage('nextjs', want, visited);
    console.log(`# next build: ${buildSeconds.toFixed(1)} s`);
  } finally {
    cleanup(dir);
  }
});

// ---- sizes ---------------------------------------------------------------------------------------
function report() {
  if (sizes.length === 0) return;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const sum = (list, key) => list.reduce((a, f) => a + f[key], 0);
  const lines = [
    '# Bundle sizes of the examples',
    '',
    'Measured by `make test` (tests/package/examples.test.mjs): what each build emits (.js and .wasm files)',
    'and what the page downloads (the same, or, without a bundler, the package files). gzip at level 9.',
    '',
    '| example | emitted JS + wasm (raw / gzip) | downloaded by the page (raw / gzip) | .wasm files emitted |',
    '|---|---|---|---|',
  ];
  for (const s of sizes) {
    const wasm = s.emitted.filter((f) => f.file.endsWith('.wasm')).length;
    lines.push(`| ${s.example} | ${s.emitted.length ? `${kib(sum(s.emitted, 'bytes'))} / ${kib(sum(s.emitted, 'gzip'))}` : '—'} | ${kib(sum(s.downloaded, 'bytes'))} / ${kib(sum(s.downloaded, 'gzip'))} | ${s.emitted.length ? wasm : '—'} |`);
  }
  const dir = join(repo, 'test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bundle-sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
  writeFileSync(join(dir, 'bundle-sizes.md'), lines.join('\n') + '\n');
  console.log(lines.slice(5).join('\n'));
}
