// Builds dist/site/: the staff page as a self-contained folder that any static server (or a
// portal's CMS) can host. www/ at the top, the `zhenxing/web` entry of the built package in pkg/,
// and beside every text file and the .wasm a .gz and a .br, for servers that send precompressed
// files (nginx gzip_static / brotli_static, Caddy precompressed, scripts/serve.mjs).
// The page carries its Content-Security-Policy in a <meta> tag, so it stays strict on hosts that send none.
// Usage: node scripts/site.mjs [--out DIR]   (needs `make build` first)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

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

const COMPRESS = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg']);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path); else files.push(path);
  }
};
walk(tmp);
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

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const total = rows.reduce((t, [, raw, gz, br]) => [t[0] + raw, t[1] + gz, t[2] + br], [0, 0, 0]);
for (const [name, raw, gz, br] of rows.filter(([n]) => n.endsWith('.wasm'))) {
  console.log(`[site] ${name}: ${kib(raw)} raw, ${kib(gz)} gzip, ${kib(br)} brotli`);
}
console.log(`[site] ${relative(root, out) || out}/: ${files.length} files, ${kib(total[0])} raw; a first visit transfers ${kib(total[2])} with brotli, ${kib(total[1])} with gzip`);
