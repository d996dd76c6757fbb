#!/usr/bin/env bash
# check_format.sh starts clang-format once for all the files, and still names each file that
# differs: run with a stand-in clang-format that logs its calls and finds two files unformatted.
#
#   check_format_runs_once.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/clang-format" <<'STAND_IN'
#!/usr/bin/env bash
echo call >>"$(dirname "$0")/calls"
for file in "$@"; do
  case "$file" in
    src/cli/app.cpp|tests/cli/cli_test.cpp)
      echo "$file:3:1: error: code should be clang-formatted [-Wclang-format-violations]" >&2;;
  esac
done
grep -q -- src/cli/app.cpp <<<"$*" && exit 1
exit 0
STAND_IN
chmod +x "$scratch/clang-format"
fail() { echo "check_format_runs_once: $*" >&2; exit 1; }

status=0
"$source_dir/tests/check_format.sh" "$source_dir" "$scratch/clang-format" 2>"$scratch/stderr" || status=$?
calls=$(wc -l <"$scratch/calls")
[ "$calls" -eq 1 ] || fail "clang-format was started $calls times"
[ "$status" -ne 0 ] || fail "two unformatted files, yet the check passed"
grep -qx '  src/cli/app.cpp' "$scratch/stderr" || fail "src/cli/app.cpp not named: $(cat "$scratch/stderr")"
grep -qx '  tests/cli/cli_test.cpp' "$scratch/stderr" || fail "tests/cli/cli_test.cpp not named"
grep -q '^check_format: 2 of ' "$scratch/stderr" || fail "not 2 files: $(head -1 "$scratch/stderr")"
echo "check_format: one clang-format run, each unformatted file named"
