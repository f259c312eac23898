// @ts-check
// Builds dist/site/: the staff page as a self-contained folder that any static server (or a
// portal's CMS) can host. www/ at the top, the `zhenxing/web` entry of the built package in pkg/ (and
// the `zhenxing/household` entry in pkg/household/),
// and beside every text file and the .wasm a .gz and a .br, for servers that send precompressed
// files (nginx gzip_static / brotli_static, Caddy precompressed, scripts/serve.mjs).
// The page carries its Content-Security-Policy in a <meta> tag, so it stays strict on hosts that send none.
// sw.js, the service worker that keeps the site for offline use, gets the list of files and a version
// named after them.
// Usage: node scripts/site.mjs [--out DIR]   (needs `make build` first)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { buildSync } from 'esbuild';
import { FLOOR_TARGETS } from './floor-syntax.mjs';

const root = new URL('..', import.meta.url).pathname;
const argOut = process.argv.indexOf('--out');
const out = argOut > 0 ? process.argv[argOut + 1] : join(root, 'dist', 'site');
const web = join(root, 'dist', 'zhenxing', 'web');
if (!existsSync(join(web, 'zhenxing_bg.wasm'))) {
  console.error('[site] dist/zhenxing/web is missing: run `make build` first');
  process.exit(1);
}

// Built beside the target and moved into place, so a server or a test never sees half a folder.
const tmp = join(dirname(out), `.${basename(out)}-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
cpSync(join(root, 'www'), tmp, { recursive: true, filter: (src) => !src.includes(`${join(root, 'www')}/pkg`) });
// The page needs the entry, the glue, its JS snippets and the module; not the type declarations.
cpSync(web, join(tmp, 'pkg'), { recursive: true, filter: (src) => !/\.d\.c?ts$/.test(src) });
// The staff page's first estimate comes from the household module (zhenxing/household), in
// pkg/household/: its files import the package's web/ as ../web/, here pkg/ itself (../).
const household = join(root, 'dist', 'zhenxing', 'household');
mkdirSync(join(tmp, 'pkg', 'household'));
for (const name of readdirSync(household).filter((n) => !/\.d\.c?ts$/.test(n))) {
  if (!name.endsWith('.js')) {
    cpSync(join(household, name), join(tmp, 'pkg', 'household', name));
    continue;
  }
  const moved = readFileSync(join(household, name), 'utf8').replaceAll("'../web/", "'../");
  const outside = moved.match(/'\.\.\/(?!snippets\/|boundary\.js'|support\.js')[^']*'/);
  if (outside) {
    console.error(`[site] pkg/household/${name} imports ${outside[0]}, which pkg/ does not hold`);
    process.exit(1);
  }
  writeFileSync(join(tmp, 'pkg', 'household', name), moved);
}

// Each page's own scripts joined into one file per script the pages name (app.js, county.js,
// register.js, offline.js), with what they share in chunks beside them (chunk-*.js: the household
// module's glue, the full module's, loaded when first asked for), by esbuild, not minified: over
// HTTP/1.1 a browser asks a server for six files at a time, and on a slow line each wave costs a
// round trip (the staff page's 17 scripts were four waves, 562.5 ms each on DevTools' "Slow 4G").
// www/ keeps the sources as written. The .wasm files stay in pkg/, and the pages say where they are
// (init({ module_or_path })): a joined file is not where its parts were. The package's own files in
// pkg/ stay as they are (other pages' users load them).
const PAGE_SCRIPTS = ['app.js', 'county.js', 'register.js', 'offline.js'];
buildSync({
  entryPoints: PAGE_SCRIPTS, absWorkingDir: tmp, outdir: tmp, allowOverwrite: true, bundle: true, splitting: true,
  format: 'esm', platform: 'browser', target: FLOOR_TARGETS, supported: { 'optional-chain': true },
  chunkNames: 'chunk-[hash]', logLevel: 'warning',
});

// The register page's worker joined the same way, into one file of its own (a worker shares no
// chunk with the page: each chunk would be one more round trip before it starts; its imports were
// four levels deep), but for the Excel library below, which stays its own file.
buildSync({
  entryPoints: ['register-worker.js'], absWorkingDir: tmp, outdir: tmp, allowOverwrite: true, bundle: true,
  format: 'esm', platform: 'browser', target: FLOOR_TARGETS, supported: { 'optional-chain': true },
  external: ['./vendor/excel.js'], logLevel: 'warning',
});

// The register page reads and writes Excel workbooks with read-excel-file and write-excel-file
// (docs/register.md says why these), bundled here into one file beside the page, loaded by its
// worker alone: nothing comes from a CDN, and the other pages never load it.
buildSync({
  stdin: {
    contents: "export { default as readExcelFile } from 'read-excel-file/universal';\n"
      + "export { default as writeExcelFile } from 'write-excel-file/universal';\n",
    resolveDir: root,
  },
  bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', legalComments: 'eof',
  outfile: join(tmp, 'vendor', 'excel.js'), logLevel: 'warning',
});

// Each page preloads every module its scripts import statically (found by esbuild, which reads the
// imports and writes nothing): without the list, each level of imports is requested only when its
// importer has arrived, a round trip per level (on DevTools' "Slow 4G", 562.5 ms each: before the
// scripts were joined, the staff page's household module was five levels below app.js). The page's own <link rel="modulepreload"> lines are
// replaced by the full list, put after the page's other preloads (the .wasm, the largest file, is
// asked for first) and its classic script (support.js, deferred: a classic script that blocked the
// parser held every preload after it until it had arrived, a round trip late): the module
// scripts themselves first, then the modules in the order the imports are met.
for (const page of readdirSync(tmp).filter((n) => n.endsWith('.html'))) {
  const path = join(tmp, page);
  const html = readFileSync(path, 'utf8');
  const entries = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
  if (entries.length === 0) continue;
  const { metafile } = buildSync({
    entryPoints: entries, absWorkingDir: tmp, bundle: true, write: false, metafile: true, format: 'esm',
    platform: 'browser', outdir: join(tmp, '.preload'), logLevel: 'warning',
  });
  const order = [...entries];
  for (let i = 0; i < order.length; i++) {
    for (const { path: next, kind } of metafile.inputs[order[i]]?.imports ?? []) {
      if (kind === 'import-statement' && !order.includes(next)) order.push(next);
    }
  }
  const links = order.map((name) => `  <link rel="modulepreload" href="${name}">`).join('\n');
  const without = html.replace(/^ *<link rel="modulepreload" href="[^"]*">\n/gm, '');
  const at = without.search(/^ *<script type="module"/m);
  if (at < 0) {
    console.error(`[site] ${page} has no module <script> to put its module preloads before`);
    process.exit(1);
  }
  writeFileSync(path, `${without.slice(0, at)}${links}\n${without.slice(at)}`);
}

/** @type {string[]} */
const files = [];
/** @param {string} dir */
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path); else files.push(path);
  }
};
walk(tmp);

// The service worker (sw.js) keeps every file of the site for offline use, in a cache named after
// a hash of them all: a new build with any file changed is a new sw.js, which browsers install in
// place of the old one. The site's root ('./') is the page too.
const kept = files.map((path) => relative(tmp, path)).filter((name) => name !== 'sw.js').sort();
const hash = createHash('sha256');
for (const name of kept) hash.update(`${name}\0`).update(readFileSync(join(tmp, name))).update('\0');
const version = hash.digest('hex').slice(0, 16);
const swPath = join(tmp, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const built = sw.replace(/^const VERSION = 'dev';$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = \[\];$/m, `const FILES = ${JSON.stringify(['./', ...kept])};`);
if (built === sw || !built.includes(version) || built.includes('const FILES = [];')) {
  console.error('[site] www/sw.js has no `const VERSION = \'dev\';` and `const FILES = [];` lines to fill');
  process.exit(1);
}
writeFileSync(swPath, built);

const COMPRESS = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg']);
/** @type {[string, number, number, number][]} the compressed files: name, raw, gzip, brotli bytes */
const rows = [];
for (const path of files.sort()) {
  if (!COMPRESS.has(extname(path))) continue;
  const body = readFileSync(path);
  const gz = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT },
  });
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, br);
  rows.push([relative(tmp, path), body.length, gz.length, br.length]);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(dirname(out), { recursive: true });
renameSync(tmp, out);

/** @type {(n: number) => string} */
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const total = rows.reduce((t, [, raw, gz, br]) => [t[0] + raw, t[1] + gz, t[2] + br], [0, 0, 0]);
for (const [name, raw, gz, br] of rows.filter(([n]) => n.endsWith('.wasm'))) {
  console.log(`[site] ${name}: ${kib(raw)} raw, ${kib(gz)} gzip, ${kib(br)} brotli`);
}
console.log(`[site] sw.js keeps ${kept.length} files for offline use (cache zhenxing-${version})`);
console.log(`[site] ${relative(root, out) || out}/: ${files.length} files, ${kib(total[0])} raw; a first visit transfers ${kib(total[2])} with brotli, ${kib(total[1])} with gzip`);
