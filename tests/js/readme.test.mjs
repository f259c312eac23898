// The README's JavaScript runs as written against the installed package, and what its comments say a
// value is, when they give the whole value (`t.phase;  // 'transition'`, `why;  // ['a', 'b']`), is
// what it is. A comment that abbreviates (…) or describes is not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = process.env.ZX_REPO;
assert.ok(repo, 'ZX_REPO must name the repository');
const here = new URL('.', import.meta.url).pathname;

/** The ```js blocks of a Markdown file, each with the line it starts on. */
function blocks(file) {
  const lines = readFileSync(join(repo, file), 'utf8').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```js\s*$/.test(lines[i])) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    out.push({ line: i + 2, body: lines.slice(i + 1, end) });
    i = end;
  }
  return out;
}

/**
 * A line `expr;  // LITERAL` or `expr;  // LITERAL: words`, where LITERAL is a whole JSON value once
 * its single quotes are double ones: the expression and the literal's text.
 */
export function claim(line) {
  const m = line.match(/^([^;/]+);\s*\/\/ (.+)$/);
  if (!m || /^\s*(const|let|var|import|await)\b/.test(m[1]) || m[2].includes('…')) return null;
  for (const end of [m[2].length, m[2].indexOf(':')].filter((e) => e > 0)) {
    const literal = m[2].slice(0, end).trim();
    if (!/^[[\d'"tfn-]/.test(literal)) continue;
    try {
      JSON.parse(literal.replace(/'/g, '"'));
      return { expr: m[1].trim(), literal };
    } catch {}
  }
  return null;
}

test('a claim is read only from a comment that gives a whole value', () => {
  assert.deepEqual(claim("t.phase;                  // 'transition'"), { expr: 't.phase', literal: "'transition'" });
  assert.deepEqual(claim('t.fundIntegrationPilot;   // true: a 脱贫县 in …'), null);
  assert.deepEqual(claim('t.fundIntegrationPilot;   // true: a 脱贫县 in the first three years'), { expr: 't.fundIntegrationPilot', literal: 'true' });
  assert.deepEqual(claim("why;  // ['a', 'b']: reason ids"), { expr: 'why', literal: "['a', 'b']" });
  assert.equal(claim("t.measures;  // [{ id: 'fourNots', … }]"), null);
  assert.equal(claim('engine.dibao(household, asOf);  // { monthly, annual }'), null);
});

test('the README\'s JavaScript runs as written, and its comments that give a value are right', () => {
  const found = blocks('README.md');
  assert.ok(found.length >= 1, 'a ```js block in the README');
  // The README fetches a county's parameter file as a page would: here, a test county file.
  const county = join(repo, 'tests', 'registers', 'county', 'county-2025.json');
  const preamble = `import { readFileSync as __read } from 'node:fs';
import __assert from 'node:assert/strict';
globalThis.fetch = async (url) => {
  if (url !== '/county.json') throw new Error('the README fetched ' + url);
  return { text: async () => __read(${JSON.stringify(county)}, 'utf8') };
};
`;
  for (const { line, body } of found) {
    let checked = 0;
    const lines = body.map((text, i) => {
      const c = claim(text);
      if (!c) return text;
      checked++;
      const at = JSON.stringify(`README.md line ${line + i}`);
      return `${text} __assert.deepStrictEqual(${c.expr}, ${c.literal}, ${at});`;
    });
    // Imports first (a module's imports are hoisted anyway; the preamble's come before the block's).
    const file = join(here, `readme-L${line}.mjs`);
    writeFileSync(file, `${preamble}${lines.join('\n')}\n`);
    try {
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: here });
      assert.equal(r.status, 0, `README.md block at line ${line}:\n${r.stderr}`);
      assert.ok(checked >= 3, `README.md block at line ${line}: only ${checked} values checked`);
    } finally {
      rmSync(file, { force: true });
    }
  }
});

test('a page without a bundler is given an import a plain <script type="module"> resolves', () => {
  // A browser resolves no bare name ('zhenxing/web') without an import map: the docs that show such
  // a page give the entry's path, relative to a page beside node_modules/, and the file is there.
  const project = join(here, '..');
  for (const doc of ['README.md', 'pkg-config/README.md', 'docs/package.md']) {
    const pages = blocks(doc).filter(({ body }) => body.some((l) => /without a bundler/.test(l)));
    assert.ok(pages.length >= 1, `${doc}: no block for a page without a bundler`);
    for (const { line, body } of pages) {
      const text = body.join('\n');
      const paths = [...text.matchAll(/'(\.\/node_modules\/zhenxing\/[^']+)'/g)].map((m) => m[1]);
      assert.ok(paths.length >= 1, `${doc} block at line ${line} gives no path a browser resolves:\n${text}`);
      for (const p of paths) assert.ok(existsSync(join(project, p)), `${doc} line ${line}: ${p} is not in the package`);
    }
  }
});
