#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer, nightly toolchain) of the household reader and
# every programme, and of parameter files and overrides. Any panic is a failure.
# Usage: scripts/fuzz.sh [SECONDS per target, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-20}
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] SKIPPED: no nightly toolchain on this machine (cargo-fuzz needs it)"
  exit 0
fi
for target in household parameters; do
  mkdir -p "fuzz/corpus/$target"
  echo "[fuzz] $target for ${seconds}s"
  log="fuzz/corpus/$target.log"
  status=0
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=4096 -print_final_stats=1) > "$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+.*DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|thread .* panicked|Running|INFO: seed corpus)' "$log" || true
  if [ -n "$(ls fuzz/artifacts/"$target" 2>/dev/null)" ]; then
    echo "[fuzz] $target found a crash: fuzz/artifacts/$target" >&2
    exit 1
  fi
  # A target that does not build (or a fuzzer that stops for another reason) is a failure too,
  # not "no crash".
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "[fuzz] $target did not run to its end (exit $status): $log" >&2
    exit 1
  fi
done
echo "[fuzz] no crash"
