// @ts-check
// The size figures of the docs, written from the build so that they cannot drift: each one sits
// between `<!-- size:NAME -->` and `<!-- /size -->` (NAME one of `figures()` below), in whole KiB.
// `node scripts/doc-sizes.mjs` rewrites them from dist/ (scripts/assemble-package.mjs runs it after
// every build); `node scripts/doc-sizes.mjs --check` lists those that differ from the build, and
// any KiB figure of docs/*.md left outside such a marker, and exits 1 (tests/package/).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

/** The documents that carry size figures: the README (its marked figures only) and docs/. */
export const documents = () => ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** KiB figures of the docs that are not sizes of this build: a tool's own threshold (244 KiB), the 4 KB of
 * synchronous compilation in browsers.md, the Excel reader of the register page (120 KiB, 33 KiB). */
const NOT_BUILD_SIZES = ['244 KiB hint', '4 KB on a', '4 KB only', '120 KiB mini', '33 KiB gzip'];

/** @type {(bytes: number) => string} */
const kib = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
/** @type {(b: Buffer) => number} */
const gzip = (b) => gzipSync(b, { level: 9 }).length;
/** @type {(b: Buffer) => number} */
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Every figure the docs may quote, from the build in dist/. */
export function figures() {
  /** @type {(path: string) => Buffer} */
  const file = (path) => readFileSync(join(dist, 'zhenxing', path));
  const wasm = file('web/zhenxing_bg.wasm');
  const inline = file('inline/zhenxing_bg.wasm.js');
  const household = file('household/household_bg.wasm');
  // The explained estimate of the budgets' household (tests/budgets/), as JSON.
  const { PolicyEngine } = createRequire(import.meta.url)(join(dist, 'zhenxing', 'node', 'index.cjs'));
  const budget = JSON.parse(readFileSync(join(root, 'tests', 'budgets', 'household.json'), 'utf8'));
  const engine = new PolicyEngine();
  const explained = Buffer.byteLength(JSON.stringify(engine.estimate(budget.household, budget.asOf)));
  engine.free();
  return {
    'wasm.raw': kib(wasm.length),
    'wasm.gzip': kib(gzip(wasm)),
    'wasm.brotli': kib(brotli(wasm)),
    'inline.raw': kib(inline.length),
    'inline.gzip': kib(gzip(inline)),
    'household.raw': kib(household.length),
    'household.gzip': kib(gzip(household)),
    'household.brotli': kib(brotli(household)),
    'estimate.explained': kib(explained),
  };
}

const MARKED = /<!-- size:([\w.]+) -->([^<]*)<!-- \/size -->/g;

/**
 * `text` with every marked figure as the build gives it; throws on an unknown name.
 * @param {string} text
 * @param {Record<string, string>} values
 * @param {string} where
 */
export function rewrite(text, values, where) {
  return text.replace(MARKED, (/** @type {string} */ all, /** @type {string} */ name) => {
    if (!(name in values)) throw new Error(`${where}: no size figure named ${name}`);
    return `<!-- size:${name} -->${values[name]}<!-- /size -->`;
  });
}

/**
 * What is wrong with the size figures of `text`: marked ones that differ, unmarked KiB figures.
 * @param {string} text
 * @param {Record<string, string>} values
 * @param {string} where
 */
export function problems(text, values, where) {
  /** @type {string[]} */
  const found = [];
  for (const [, name, shown] of text.matchAll(MARKED)) {
    if (!(name in values)) found.push(`${where}: no size figure named ${name}`);
    else if (shown !== values[name]) found.push(`${where}: ${name} is ${shown}, the build gives ${values[name]}`);
  }
  // The README's tables give dated measures in KiB of their own: only its marked figures are held.
  const rest = where === 'README.md' ? '' : text.replace(MARKED, '');
  for (const m of rest.matchAll(/\d[\d,.]*\s?(KiB|KB)\b[^\n]{0,5}/g)) {
    if (!NOT_BUILD_SIZES.some((ok) => m[0].startsWith(ok))) found.push(`${where}: “${m[0].trim()}” is not written from the build (mark it <!-- size:NAME -->)`);
  }
  return found;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  if (!existsSync(join(dist, 'zhenxing', 'web', 'zhenxing_bg.wasm'))) throw new Error('doc-sizes: no build in dist/ (make build)');
  const values = figures();
  const check = process.argv.includes('--check');
  const found = [];
  for (const doc of documents()) {
    const text = readFileSync(join(root, doc), 'utf8');
    if (check) found.push(...problems(text, values, doc));
    else {
      const updated = rewrite(text, values, doc);
      if (updated !== text) writeFileSync(join(root, doc), updated);
    }
  }
  if (found.length) {
    console.error(found.join('\n'));
    process.exit(1);
  }
  if (!check) console.log(`[docs] size figures from the build: ${Object.entries(values).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
