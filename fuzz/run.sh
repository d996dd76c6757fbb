#!/usr/bin/env bash
# Runs one fuzz target of a `fuzz` preset build for a number of executions or seconds, growing a
# working corpus outside the repository, and prints libFuzzer's final statistics.
#
#   fuzz/run.sh TARGET [-runs=N | -max_total_time=S] [more libFuzzer flags]
#
# TARGET is one of profile-yaml, profile-json, pack, command-line. New inputs go to
# build/fuzz/work/TARGET; crashes to build/fuzz/TARGET-crash-*. Keep a crash: copy it to
# fuzz/regressions/TARGET/ with a name that says what it found, and fix it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
shift
binary=$root/build/fuzz/fuzz/fuzz-$target
work=$root/build/fuzz/work/$target
mkdir -p "$work"
exec "$binary" -print_final_stats=1 -max_len=1048577 -timeout=10 -rss_limit_mb=2048 -dict="$root/fuzz/contra.dict" \
  -artifact_prefix="$root/build/fuzz/$target-" "$@" "$work" "$root/fuzz/corpus/$target" "$root/fuzz/regressions/$target"
