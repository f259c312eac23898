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

# The crate's inputs as one hash, taken before anything is built (an edit during a build shows next time).
sources="$(find src data build build.rs Cargo.toml Cargo.lock .cargo -type f -print0 | LC_ALL=C sort -z |
  xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"

# module NAME [-- cargo args]: wasm-pack into target/pkg/NAME, unless it was built from these very
# inputs (its stamp keeps their hash): the two modules share one target dir with different features,
# so cargo alone would compile the crate twice on every run, changed or not. ZX_REBUILD=1 builds
# anyway (after a toolchain update, say).
module() {
  local dir="target/pkg/$1" stamp="target/pkg/$1.sources"
  shift
  if [ "${ZX_REBUILD:-}" != 1 ] && [ -f "$dir/zhenxing_bg.wasm" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sources" ]; then
    echo "[build] $dir: built from these sources already (ZX_REBUILD=1 builds it anyway)"
    return
  fi
  echo "[build] wasm-pack --target bundler${*:+ $*}"
  rm -f "$stamp"
  wasm-pack --log-level warn build --release --no-pack --target bundler \
    --out-dir "$dir" --out-name zhenxing "$@" >/dev/null
  echo "$sources" >"$stamp"
}

module bundler
# The household module (zhenxing/household): the same crate with the household calls only (feature
# household-only, src/wasm/mod.rs), the same target dir and wasm-opt flags, so only the crate itself
# is compiled again. Its glue keeps the name zhenxing: the module imports from ./zhenxing_bg.js.
module household -- --features household-only
node scripts/assemble-package.mjs
