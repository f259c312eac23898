#!/usr/bin/env bash
# JS layer: the packed tarball installed into a fresh project, as an integration team would install it;
# its node --test files run there on every Node release the package is tested on (the machine's, then
# scripts/node-versions.sh's: the oldest 20.x, 22.0.0, the newest LTS), then the TypeScript layer
# (tests/ts/types.test.mjs: tsc with three lib settings, the README and docs snippets, arethetypeswrong).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tarball="$repo/dist/zhenxing.tgz"
[ -f "$tarball" ] || { echo "no $tarball: run make build" >&2; exit 1; }
mapfile -t nodes < <("$repo/scripts/node-versions.sh")
types_node=$(node -p "require('$repo/package.json').devDependencies['@types/node']")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf '{ "name": "zhenxing-consumer", "private": true }\n' > package.json
npm install --no-audit --no-fund --silent "$tarball" "@types/node@$types_node"
mkdir js ts
cp "$repo"/tests/js/*.test.* js/
cp "$repo"/tests/ts/* ts/

# Node 20.0's V8 can spin forever while shutting down a process that used a FinalizationRegistry
# (nodejs/node#47748; wasm-bindgen's glue registers every engine), after every test has passed. A run
# is given 10 minutes (it takes about 2); one that outlives them is killed and run once more.
for node in "${nodes[@]}"; do
  echo "[js] Node $("$node" --version): node --test against the installed package"
  status=0
  ZX_REPO="$repo" timeout --kill-after=10 600 "$node" --test --test-reporter=spec js/*.test.* || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "[js] Node $("$node" --version) did not exit within 10 minutes: running it once more"
    ZX_REPO="$repo" timeout --kill-after=10 600 "$node" --test --test-reporter=spec js/*.test.*
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  fi
done
echo "[types] TypeScript and arethetypeswrong against the installed package"
ZX_REPO="$repo" node --test --test-reporter=spec ts/*.test.mjs
