# zhenxing: `make demo` and `make test` install what is missing, build, then serve or test.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: setup build package site demo test test-rust test-js test-budgets test-package test-browser test-floor test-fuzz lint bench fuzz lock clean

## Install the toolchain pieces that are missing (idempotent).
setup:
	bash scripts/setup.sh

## The release WebAssembly builds (wasm-pack, target bundler: the module, then the household module),
## the npm package in dist/ (sizes printed).
build: setup
	bash scripts/build.sh

## The npm tarball: dist/zhenxing-<version>.tgz
package: build

## The staff page as a self-contained folder, dist/site/: any static server or a portal's CMS can host
## it (the .wasm and text files have .gz and .br beside them; the page carries its own CSP).
site: build
	node scripts/site.mjs

## Serve dist/site/ on 127.0.0.1:$(PORT) (precompressed, under the page's strict CSP).
demo: site
	node scripts/serve.mjs --port $(PORT)

## Every test layer: lint, Rust (unit, doc, golden, properties, CLI), JS against the packed tarball
## (on every tested Node, then TypeScript and arethetypeswrong), the budgets, the package (examples
## built and opened in chromium, Jest, Vitest), browser, the browser floor, and a short bounded
## fuzzing run.
test: build lint test-rust test-js test-budgets test-package test-browser test-floor test-fuzz

## Rust formatting and clippy (native, wasm32, and wasm32 for the household module); the shipped JavaScript against the browser floor,
## and type-checked by tsc (lint/README.md): the pages against the built package's declarations.
lint: build
	cargo fmt --check
	cargo clippy --quiet --all-targets --features cli -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown --features household-only -- -D warnings
	node scripts/floor-syntax.mjs
	tsc -p lint/tsconfig.package.json
	tsc -p lint/tsconfig.pages.json
	tsc -p lint/tsconfig.workers.json
	tsc -p lint/tsconfig.scripts.json

test-rust:
	cargo test --features cli

test-js: test-rust
	bash tests/js/run.sh

## Budgets on what is exact (tests/budgets/budgets.json): the .wasm's bytes, a lean answer's bytes,
## the native tool's instructions per household (callgrind, over the release build).
test-budgets: build
	cargo build --release --features cli
	node --test --test-reporter=spec tests/budgets/

## The package as integration teams use it: examples/ built against the fresh tarball and opened in
## chromium (bundle sizes in test-output/), Jest, Vitest, the tarball's contents and docs.
test-package:
	node --test --test-reporter=spec tests/package/*.test.mjs

## The staff page in Debian's chromium: figures against the package, axe-core, a phone, print to PDF,
## the site on a plain static server, serve.mjs under malformed requests. Output in test-output/browser/.
test-browser: site
	node --test --test-reporter=spec tests/browser/

## Benchmarks report figures; they never pass or fail (the staff page's first estimate, cold and
## under slow 4G with a 4× slower CPU, measured first so that the table of benches/node.mjs has it;
## and the register page's, in Debian's chromium).
bench: build
	node scripts/site.mjs
	node benches/first-estimate.mjs
	cargo bench --bench engine
	node benches/node.mjs
	cargo build --release --features cli
	node benches/cli.mjs
	node benches/register-page.mjs 50000

## The browser floor (docs/browsers.md): the module validated against the floor's WebAssembly features,
## the JavaScript checker, then the plain-html example and the staff page in Chromium 89 and in
## today's chromium (same figures), and what a browser below the floor is told. Output in test-output/floor/.
test-floor: site
	node --test --test-reporter=spec tests/floor/

test-fuzz:
	bash scripts/fuzz.sh 20

## A longer fuzzing run (5 minutes a target).
fuzz: setup
	bash scripts/fuzz.sh 300

## Rewrite the lockfiles of examples/ and of the Jest and Vitest projects (after changing a tool version).
lock: build
	node scripts/lock-projects.mjs

clean:
	rm -rf target dist test-output www/pkg
