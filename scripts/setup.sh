#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there at the right version.
# Idempotent: safe to run before every build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wb_version" ]; then
  say "wasm-bindgen-cli $wb_version: present"
else
  say "installing wasm-bindgen-cli $wb_version (a few minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

if command -v wasm-pack >/dev/null 2>&1; then
  say "wasm-pack: present ($(wasm-pack --version))"
else
  say "installing wasm-pack (a few minutes)"
  cargo install wasm-pack
fi

# cargo-fuzz for the bounded fuzzing run (it uses the nightly toolchain the machines have).
if command -v cargo-fuzz >/dev/null 2>&1; then
  say "cargo-fuzz: present"
else
  say "installing cargo-fuzz (a few minutes)"
  cargo install cargo-fuzz
fi

# npm devDependencies: binaryen (wasm-opt; never Debian's v108, it corrupts modern output), esbuild
# (the package's CommonJS glue), playwright-core, typescript, @types/node and @arethetypeswrong/cli
# (the type tests). `npm ls` fails when one is missing or at another version. The Node releases the
# tests run on are installed by scripts/node-versions.sh, and each example's and test project's tools
# by `npm ci` from its own lockfile, when the tests need them.
if npm ls --depth=0 >/dev/null 2>&1; then
  say "npm devDependencies: present"
else
  say "installing npm devDependencies"
  npm ci --no-audit --no-fund
fi

# Browser tests: Debian's chromium, and a CJK font so screenshots show Chinese, not boxes.
if [ "${ZX_SKIP_CHROMIUM:-}" = 1 ]; then
  say "chromium: skipped (ZX_SKIP_CHROMIUM=1)"
elif [ -x /usr/bin/chromium ] && dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then
  say "chromium and CJK font: present"
else
  say "installing Debian's chromium and fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

# The budget on counted instructions runs the native tool under callgrind, from Debian's valgrind.
if command -v valgrind >/dev/null 2>&1; then
  say "valgrind (callgrind): present"
else
  say "installing Debian's valgrind (callgrind)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq valgrind >/dev/null
fi

# The browser test reads the printed PDF's text (two pages at most, the inputs, the signature lines)
# with pdftotext, from Debian's poppler-utils.
if [ "${ZX_SKIP_CHROMIUM:-}" = 1 ]; then
  say "poppler-utils: skipped (ZX_SKIP_CHROMIUM=1)"
elif command -v pdftotext >/dev/null 2>&1; then
  say "poppler-utils (pdftotext): present"
else
  say "installing Debian's poppler-utils (pdftotext)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq poppler-utils >/dev/null
fi

# The browser-floor tests' browser: a headless Chromium 89 with its own libraries, from the npm
# package chrome-aws-lambda, unpacked once per machine into ~/.cache/zhenxing (docs/browsers.md).
if [ "${ZX_SKIP_CHROMIUM:-}" = 1 ]; then
  say "chromium 89 (browser floor): skipped (ZX_SKIP_CHROMIUM=1)"
else
  node scripts/floor-chromium.mjs
fi
