// Every ```js / ```ts snippet of the README, the npm README and the docs, type-checked against the
// installed package (run by tests/js/run.sh in the project that installed the tarball).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = process.env.ZX_REPO;
assert.ok(repo, 'ZX_REPO must name the repository');
const here = new URL('.', import.meta.url).pathname;
const bin = (name) => join(repo, 'node_modules', '.bin', name);

/**
 * Snippet lines that do not type-check because of the declarations generated from the Rust types, not
 * because of the documentation. Each is the exact text of the line tsc reports (trimmed), in the file
 * named. When the declarations are fixed the line type-checks, and this test fails until its entry is
 * removed from this list.
 */
export const SNIPPETS_EXPECTED_TO_FAIL = [];

// ---- snippets ------------------------------------------------------------------------------------
// Every ```js / ```ts block of the README, the npm README and the package docs is written to a file of
// its own (ES module, or CommonJS when it uses require and no import) and type-checked as a strict
// project with the DOM and Node libs would check it, checkJs for the JavaScript ones.
const sources = [
  'README.md',
  'pkg-config/README.md',
  // docs/api.md is generated from the declarations themselves (tsc checks those).
  ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md') && f !== 'api.md').map((f) => `docs/${f}`),
];
const languages = { js: 'js', javascript: 'js', mjs: 'js', cjs: 'js', ts: 'ts', typescript: 'ts', mts: 'ts', cts: 'ts' };

function extract() {
  const snippets = [];
  for (const source of sources) {
    const lines = readFileSync(join(repo, source), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = lines[i].match(/^```(\w+)\s*$/);
      if (!open || !languages[open[1]]) continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
      const body = lines.slice(start, end);
      const text = body.join('\n');
      const commonjs = open[1] === 'cjs' || open[1] === 'cts' || (/\brequire\(/.test(text) && !/^\s*import\b/m.test(text));
      snippets.push({ source, firstLine: start + 1, body, ext: fileExtension(languages[open[1]], commonjs) });
      i = end;
    }
  }
  return snippets;
}
function fileExtension(language, commonjs) {
  return language === 'ts' ? (commonjs ? 'cts' : 'mts') : (commonjs ? 'cjs' : 'mjs');
}

test('the README and docs snippets type-check against the package', () => {
  const snippets = extract();
  assert.ok(snippets.length >= 5, `only ${snippets.length} snippets found`);
  const dir = join(here, 'snippets');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const byFile = new Map();
  for (const s of snippets) {
    const file = `${s.source.replace(/[^A-Za-z0-9]+/g, '-')}-L${s.firstLine}.${s.ext}`;
    writeFileSync(join(dir, file), `${s.body.join('\n')}\n`);
    byFile.set(file, s);
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: false, allowJs: true, checkJs: true,
      target: 'es2022', lib: ['es2022', 'dom', 'esnext.disposable'], types: ['node'],
      module: 'nodenext', moduleResolution: 'nodenext', moduleDetection: 'force',
      noUnusedLocals: false, noUnusedParameters: false,
    },
    include: ['*.mjs', '*.cjs', '*.mts', '*.cts'],
  }, null, 2));
  const r = spawnSync(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;

  const unexpected = [];
  const expected = new Set();
  for (const [, file, line, message] of output.matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)) {
    const s = byFile.get(file);
    if (!s) { unexpected.push(`${file}:${line}: ${message}`); continue; }
    const text = (s.body[Number(line) - 1] ?? '').trim();
    const known = SNIPPETS_EXPECTED_TO_FAIL.find((e) => e.file === s.source && e.line === text);
    if (known) expected.add(known);
    else unexpected.push(`${s.source}:${s.firstLine + Number(line) - 1}: ${text}\n    ${message}`);
  }
  if (r.status !== 0 && unexpected.length === 0 && expected.size === 0) unexpected.push(output);
  assert.deepEqual(unexpected, [], `snippets that do not type-check:\n${unexpected.join('\n')}`);
  const fixed = SNIPPETS_EXPECTED_TO_FAIL.filter((e) => !expected.has(e));
  assert.deepEqual(fixed, [], 'these lines type-check now: remove them from SNIPPETS_EXPECTED_TO_FAIL');
  for (const e of expected) console.log(`expected to fail (SNIPPETS_EXPECTED_TO_FAIL): ${e.file}: ${e.line}\n  because ${e.because}`);
});

