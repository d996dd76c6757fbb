#!/usr/bin/env bash
# Checks one example profile with the real binary: the JSON verdict and the exit code must both
# be the expected verdict's.
#
#   run_example.sh CONTRA_BINARY PROFILE VERDICT
set -u
binary=$1
profile=$2
verdict=$3
codes=(proceed proceed_with_precautions postpone_and_refer do_not_massage emergency incomplete)
expected_rc=-1
for i in "${!codes[@]}"; do
  [ "${codes[$i]}" = "$verdict" ] && expected_rc=$i
done
[ "$expected_rc" -ge 0 ] || { echo "unknown verdict '$verdict'"; exit 2; }
output=$("$binary" check "$profile" --format json)
rc=$?
echo "$output"
grep -q "^  \"verdict\": \"$verdict\",\$" <<<"$output" || { echo "FAIL: expected verdict $verdict"; exit 1; }
[ "$rc" -eq "$expected_rc" ] || { echo "FAIL: exit code $rc, expected $expected_rc"; exit 1; }
