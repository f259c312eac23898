#!/usr/bin/env bash
# One release build of the WebAssembly module (wasm-pack, target web: ES-module glue with init and
# initSync), then the npm package in dist/ (scripts/assemble-package.mjs makes every entry from that
# one output and one .wasm file). Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

case "$(command -v wasm-opt)" in
  "$PWD/node_modules/.bin/wasm-opt") ;;
  *) echo "wasm-opt must come from the npm package binaryen (run scripts/setup.sh)" >&2; exit 1 ;;
esac

# The module is made for size (the native tool keeps Cargo.toml's opt-level 3 for speed).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
echo "[build] wasm-pack --target web"
wasm-pack --log-level warn build --release --no-pack --target web \
  --out-dir target/pkg/web --out-name zhenxing >/dev/null
node scripts/assemble-package.mjs
