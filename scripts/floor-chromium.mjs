// @ts-check
// The browser of the browser-floor tests (docs/browsers.md): a headless Chromium 89 with its own
// libraries, as the npm package chrome-aws-lambda 6.0.0 ships it (brotli-compressed), unpacked once per
// machine into ~/.cache/zhenxing/ (ZX_FLOOR_CHROMIUM_DIR elsewhere). Run by scripts/setup.sh; skips
// the work when that exact package is already unpacked there. The tests import the paths from here.
// Usage: node scripts/floor-chromium.mjs
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { brotliDecompressSync } from 'node:zlib';

const PACKAGE = 'chrome-aws-lambda@6.0.0';
/** The registry's integrity of that tarball: a different file is refused. */
const INTEGRITY = 'sha512-XnFo6AaE5ZYpHYmOmMoj1yCYFeRTx6uFCpJnVuDREWzXevzZvo3gzkyQ6qSKsPW91VGWeQI7wQgnOpW50e+Dzg==';
export const VERSION = '89.0.4389.0';
export const dir = process.env.ZX_FLOOR_CHROMIUM_DIR ?? join(homedir(), '.cache', 'zhenxing', `chromium-${VERSION}`);
export const executable = join(dir, 'chromium');
/** Its libraries (NSS, SQLite, …), for LD_LIBRARY_PATH. */
export const libraries = join(dir, 'lib');
const marker = join(dir, 'INSTALLED');
const stamp = `${PACKAGE} ${INTEGRITY}\n`;

export const installed = () => existsSync(executable) && existsSync(marker) && readFileSync(marker, 'utf8') === stamp;

function install() {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  // Unpacked beside the target and moved into place, so a test never sees half a browser.
  const tmp = mkdtempSync(join(parent, '.chromium-'));
  try {
    const name = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
    const tarball = join(tmp, /** @type {string} */ (name));
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== INTEGRITY) throw new Error(`${PACKAGE}: integrity ${integrity}, expected ${INTEGRITY}`);
    execFileSync('tar', ['xzf', tarball, '--no-same-owner', '-C', tmp, 'package/bin']);
    const bin = join(tmp, 'package', 'bin');
    const out = join(tmp, 'chromium');
    mkdirSync(join(out, 'swiftshader'), { recursive: true });
    /** @type {(file: string) => Buffer} */
    const inflate = (file) => brotliDecompressSync(readFileSync(join(bin, file)));
    writeFileSync(join(out, 'chromium'), inflate('chromium.br'));
    chmodSync(join(out, 'chromium'), 0o755);
    writeFileSync(join(tmp, 'swiftshader.tar'), inflate('swiftshader.tar.br'));
    execFileSync('tar', ['xf', join(tmp, 'swiftshader.tar'), '--no-same-owner', '-C', join(out, 'swiftshader')]);
    // lib/ (NSS, SQLite, expat, uuid) and a font configuration, as on the serverless hosts it was made for.
    writeFileSync(join(tmp, 'aws.tar'), inflate('aws.tar.br'));
    execFileSync('tar', ['xf', join(tmp, 'aws.tar'), '--no-same-owner', '-C', out]);
    writeFileSync(join(out, 'INSTALLED'), stamp);
    rmSync(dir, { recursive: true, force: true });
    renameSync(out, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  if (installed()) {
    console.log(`[setup] chromium ${VERSION} (browser floor): present (${dir})`);
  } else {
    console.log(`[setup] unpacking chromium ${VERSION} (browser floor) from the npm package ${PACKAGE} into ${dir}`);
    install();
    if (!installed()) throw new Error(`chromium ${VERSION} was not installed in ${dir}`);
  }
}
