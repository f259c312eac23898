#!/usr/bin/env bash
# JS layer: install the packed tarball into a fresh temporary project (as an integration team would),
# run the node --test files there, then type-check a TypeScript file against the package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tarball=$(ls "$repo"/dist/zhenxing-*.tgz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf '{ "name": "zhenxing-consumer", "private": true }\n' > package.json
npm install --no-audit --no-fund --silent "$tarball"
cp "$repo"/tests/js/*.test.* .
cp "$repo"/tests/ts/usage.ts "$repo"/tests/ts/tsconfig.json .
ZX_REPO="$repo" node --test --test-reporter=spec ./*.test.*
echo "[types] tsc --noEmit against the installed package"
"$repo/node_modules/.bin/tsc" -p tsconfig.json
echo "[types] ok"
