// @ts-check
// `make lint`: the JavaScript the package and the pages ship must parse and run on the browser floor
// (docs/browsers.md): Chromium 86, Firefox 78 ESR, Safari 15. Two checks per file:
//  - syntax: esbuild transforms the file once for the newest JavaScript and once for the floor. It
//    lowers what the floor lacks (`a ??= b` becomes `a ?? (a = b)`) and stops on what it cannot lower
//    (top-level await), so any difference between the two outputs, or an error, is syntax newer than
//    the floor. The classic script www/support.js is held to ES5: it must run in Internet Explorer.
//  - library: calls newer than the floor that no parser sees (`[].at(-1)`, structuredClone), from a
//    list; a call guarded by `typeof` of the same name on its line or the three before is left alone.
// Usage: node scripts/floor-syntax.mjs   (checks the sources, and the built package when it exists)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
/** The floor as esbuild targets (Edge follows Chromium). */
export const FLOOR_TARGETS = ['chrome86', 'edge86', 'firefox78', 'safari15'];
/**
 * What the floor has although esbuild's table says otherwise: optional chaining (Chromium 80) is
 * listed from Chromium 91 because of a bug in Chromium 80-90 with a spread argument that is not the
 * last one in an optional call (`a?.f(...xs, 1)`), which NEWER below looks for instead.
 */
const SUPPORTED = { 'optional-chain': true };
/** Classic scripts, which must also run where ES modules do not. */
const CLASSIC = new Set(['www/support.js']);

/** Library calls newer than the floor: [pattern, what, first versions]. */
const NEWER = [
  [/\.at\(/, 'Array / String .at()', 'Chromium 92, Firefox 90, Safari 15.4'],
  [/\bstructuredClone\b/, 'structuredClone', 'Chromium 98, Firefox 94, Safari 15.4'],
  [/\bObject\.hasOwn\b/, 'Object.hasOwn', 'Chromium 93, Firefox 92, Safari 15.4'],
  [/\.findLast(Index)?\(/, '.findLast()', 'Chromium 97, Firefox 104, Safari 15.4'],
  [/\.(toSorted|toReversed|toSpliced)\(/, '.toSorted() and the like', 'Chromium 110, Firefox 115, Safari 16'],
  [/\bPromise\.(any|withResolvers)\b/, 'Promise.any / withResolvers', 'Firefox 79; Chromium 119'],
  [/\bAggregateError\b/, 'AggregateError', 'Firefox 79'],
  [/\b(Object|Map)\.groupBy\b/, 'groupBy', 'Chromium 117, Firefox 119, Safari 17.4'],
  [/\bArray\.fromAsync\b/, 'Array.fromAsync', 'Chromium 121, Firefox 115, Safari 16.4'],
  [/\bUint8Array\.fromBase64\b|\.toBase64\(/, 'Uint8Array base64', 'Chromium 140, Firefox 133, Safari 18.2'],
  [/\bnew (WeakRef|FinalizationRegistry)\b/, 'WeakRef / FinalizationRegistry', 'Firefox 79'],
  [/\?\.[\w$]*\(?[^)]*\.\.\.[^),]*,/, 'a spread argument before the last in an optional call', 'Chromium 91'],
];

/** @type {(dir: string) => string[]} */
const js = (dir) => (existsSync(join(root, dir)) ? walk(join(root, dir)).filter((f) => f.endsWith('.js')) : []);
/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * What in `source` (the file `name`) is newer than the floor, as messages; `classic` holds it to ES5.
 * @param {string} name
 * @param {string} source
 * @param {{ classic?: boolean }} [how]
 */
export async function checkSource(name, source, { classic = false } = {}) {
  /** @type {string[]} */
  const problems = [];
  /** @type {import('esbuild').TransformOptions} */
  const options = { loader: 'js', format: classic ? undefined : 'esm', sourcefile: name, logLevel: 'silent' };
  try {
    const newest = await transform(source, { ...options, target: 'esnext' });
    const floor = await transform(source, classic ? { ...options, target: 'es5' } : { ...options, target: FLOOR_TARGETS, supported: SUPPORTED });
    if (floor.code !== newest.code) {
      const a = newest.code.split('\n');
      const b = floor.code.split('\n');
      const i = a.findIndex((line, k) => line !== b[k]);
      problems.push(`${name}: syntax newer than ${classic ? 'ES5' : 'the floor'}; lowered for it, this line\n    ${a[i]?.trim()}\n  becomes\n    ${b[i]?.trim()}`);
    }
  } catch (/** @type {any} */ e) {
    for (const m of e.errors ?? [e]) problems.push(`${name}:${m.location?.line ?? '?'}: ${m.text ?? m.message}`);
  }
  const lines = source.split('\n');
  lines.forEach((line, k) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const [pattern, what, since] of NEWER) {
      const hit = line.match(pattern);
      if (!hit) continue;
      const called = hit[0].replace(/^new |^\.|\($/g, '');
      if (lines.slice(Math.max(0, k - 3), k + 1).some((l) => l.includes(`typeof ${called}`))) continue;
      problems.push(`${name}:${k + 1}: ${what} is newer than the floor (${since}): ${line.trim()}`);
    }
  });
  return problems;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const sources = [...js('js'), ...js('www').filter((f) => !f.includes('/www/pkg/')),
    ...js('examples/plain-html').filter((f) => !f.includes('node_modules'))];
  // The built package's browser entries and glue, and what wasm-bindgen wrote: a new wasm-bindgen may
  // write newer syntax (the base64 module is data); and what the site bundles of other packages.
  const built = [...js('dist/zhenxing/web'), ...js('dist/zhenxing/inline'), ...js('dist/zhenxing/household'), ...js('dist/site/vendor')]
    .filter((f) => !f.endsWith('zhenxing_bg.wasm.js'));
  /** @type {string[]} */
  const problems = [];
  for (const file of [...sources, ...built]) {
    const name = relative(root, file);
    problems.push(...await checkSource(name, readFileSync(file, 'utf8'), { classic: CLASSIC.has(name) }));
  }
  if (problems.length) {
    console.error(`[floor] JavaScript newer than the browser floor (${FLOOR_TARGETS.join(', ')}; docs/browsers.md):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  const checked = `${sources.length} source files${built.length ? ` and ${built.length} of the built package` : ' (the built package is checked after `make build`)'}`;
  console.log(`[floor] ${checked}: nothing newer than ${FLOOR_TARGETS.join(', ')}`);
}
