#!/usr/bin/env bash
# One release build of the WebAssembly module (wasm-pack, target bundler: the ES-module glue without a
# loader of its own; js/engine.js loads the module), and of the household module beside it, then the
# npm package in dist/
# (scripts/assemble-package.mjs makes every entry from that one output and one .wasm file). Prints the
# sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

case "$(command -v wasm-opt)" in
  "$PWD/node_modules/.bin/wasm-opt") ;;
  *) echo "wasm-opt must come from the npm package binaryen (run scripts/setup.sh)" >&2; exit 1 ;;
esac

# The module is optimised for size with speed kept ("s"; the native tool keeps Cargo.toml's opt-level 3).
# Measured on 2026-11-29 against "z": 1.3-1.6 times faster per call and per batch (serde_json's
# writer is barely inlined under "z") for 27 KB more gzip (342 KB against 315 KB).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s
echo "[build] wasm-pack --target bundler"
wasm-pack --log-level warn build --release --no-pack --target bundler \
  --out-dir target/pkg/bundler --out-name zhenxing >/dev/null
# The household module (zhenxing/household): the same crate with the household calls only (feature
# household-only, src/wasm/mod.rs), the same target dir and wasm-opt flags, so only the crate itself
# is compiled again. Its glue keeps the name zhenxing: the module imports from ./zhenxing_bg.js.
echo "[build] wasm-pack --target bundler --features household-only"
wasm-pack --log-level warn build --release --no-pack --target bundler \
  --out-dir target/pkg/household --out-name zhenxing -- --features household-only >/dev/null
node scripts/assemble-package.mjs
