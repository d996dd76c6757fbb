#!/usr/bin/env bash
# contra and json-rules-engine side by side on the same all-answered profiles: each one's rate
# (contra with one thread, as node runs on one), their ratio, and whether every verdict agrees.
#
#   bench/json-rules-engine/run.sh CONTRA PROFILES.ndjson [COUNT] [RUNS]
#
# PROFILES.ndjson comes from contra-batch-bench (its fourth argument). Needs node and npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
contra=$1
profiles=$2
count=${3:-20000}
runs=${4:-3}
[ -d "$here/node_modules" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$count" "$profiles" >"$work/profiles.ndjson"

contra_rates=()
engine_rates=()
for ((run = 0; run < runs; run++)); do
  start=$(date +%s%N)
  "$contra" batch "$work/profiles.ndjson" --jobs 1 >"$work/contra.ndjson" 2>/dev/null || true
  end=$(date +%s%N)
  contra_rates+=("$((count * 1000000000 / (end - start)))")
  line=$(node "$here/compare.js" "$here/../../rules" "$work/profiles.ndjson" "$work/contra.ndjson" "$count")
  echo "$line" | sed -n '2,$p' >"$work/agreement"
  engine_rates+=("$(echo "$line" | head -1 | sed -E 's/.* = ([0-9]+) profiles\/s/\1/')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
contra_rate=$(median "${contra_rates[@]}")
engine_rate=$(median "${engine_rates[@]}")
echo "profiles: $count, $runs runs each, interleaved, medians"
echo "contra batch --jobs 1: $contra_rate profiles/s"
echo "json-rules-engine:     $engine_rate profiles/s"
echo "ratio:                 $((contra_rate / engine_rate))x"
cat "$work/agreement"
