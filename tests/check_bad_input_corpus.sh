#!/usr/bin/env bash
# The bad-input corpus promises that no bad input gives a verdict: at least 60 cases, each
# expecting an error exit (64, 65, 66, 73 or 78) and no verdict on standard output.
set -u
corpus=$(cd "$(dirname "$0")/bad-input" && pwd)
count=0
status=0
for case_dir in "$corpus"/*/; do
  count=$((count + 1))
  rc=$(cat "$case_dir/expected.rc")
  case $rc in
    64 | 65 | 66 | 73 | 78) ;;
    *) echo "$(basename "$case_dir"): expects exit $rc, not an error exit"; status=1 ;;
  esac
  if grep -qE '"verdict"|^(PROCEED|POSTPONE|DO NOT|EMERGENCY|INCOMPLETE)' "$case_dir/expected.stdout"; then
    echo "$(basename "$case_dir"): expects a verdict on standard output"
    status=1
  fi
done
if [ "$count" -lt 60 ]; then
  echo "only $count bad-input cases; the corpus promises at least 60"
  status=1
fi
echo "$count bad-input cases checked"
exit $status
