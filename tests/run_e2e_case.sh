#!/usr/bin/env bash
# Runs one end-to-end case against the real binary and compares its standard output, standard
# error and exit code with the case's golden files.
#
#   run_e2e_case.sh CONTRA_BINARY CASE_DIR
#
# CASE_DIR holds `args` (one argument per line), optionally `stdin`, and the goldens
# `expected.stdout`, `expected.stderr` and `expected.rc`. The binary runs from the repository
# root, so paths in messages are the same on every machine, with text laid out for 80 columns
# (COLUMNS=80). The pack's sha256 and batch timings are masked, so a
# change to the pack's text does not break every golden. CONTRA_UPDATE_GOLDENS=1 rewrites the
# goldens instead: review that diff like code.
set -u
binary=$1
case_dir=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
mapfile -t args < "$case_dir/args"
stdin=/dev/null
[ -f "$case_dir/stdin" ] && stdin="$case_dir/stdin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && NO_COLOR=1 COLUMNS=80 "$binary" "${args[@]}" <"$stdin" >"$work/stdout" 2>"$work/stderr")
echo $? >"$work/rc"
mask() { sed -E 's/[0-9a-f]{64}/<sha256>/g; s/sha256 [0-9a-f]{12}\)/sha256 <sha256>)/g; s/in [0-9.]+ s \([0-9]+\/s\)/in <time>/' "$1"; }
if [ "${CONTRA_UPDATE_GOLDENS:-}" = 1 ]; then
  for stream in stdout stderr rc; do mask "$work/$stream" >"$case_dir/expected.$stream"; done
  echo "updated $case_dir"
  exit 0
fi
status=0
for stream in stdout stderr rc; do
  if ! diff -u --label "expected.$stream" --label "actual $stream" "$case_dir/expected.$stream" <(mask "$work/$stream"); then
    status=1
  fi
done
exit $status
