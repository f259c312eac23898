#!/usr/bin/env bash
# One release build of the WebAssembly module for each wasm-pack target (cargo compiles once; the
# other two reuse it), then the npm package in dist/. Prints the .wasm sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

case "$(command -v wasm-opt)" in
  "$PWD/node_modules/.bin/wasm-opt") ;;
  *) echo "wasm-opt must come from the npm package binaryen (run scripts/setup.sh)" >&2; exit 1 ;;
esac

# The module is made for size (the native tool keeps Cargo.toml's opt-level 3 for speed).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
for target in nodejs bundler web; do
  echo "[build] wasm-pack --target $target"
  wasm-pack --log-level warn build --release --no-pack --target "$target" \
    --out-dir "target/pkg/$target" --out-name zhenxing >/dev/null
done
node scripts/assemble-package.mjs
