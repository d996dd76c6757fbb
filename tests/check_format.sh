#!/usr/bin/env bash
# Every C++ file of the repository is formatted as .clang-format says (clang-format 14): the
# tracked .cpp/.hpp files, or every one under src tests bench fuzz when git is not available
# (a source tarball). Names each file that differs; `clang-format-14 -i FILE` fixes it.
#
#   check_format.sh SOURCE_DIR [CLANG_FORMAT]
set -euo pipefail
source_dir=$1
clang_format=${2:-clang-format-14}
cd "$source_dir"
command -v "$clang_format" >/dev/null || { echo "check_format: $clang_format not found" >&2; exit 1; }

files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  while IFS= read -r -d '' file; do files+=("$file"); done \
    < <(git ls-files -z -- '*.cpp' '*.hpp')
else
  while IFS= read -r -d '' file; do files+=("$file"); done \
    < <(find src tests bench fuzz -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)
fi
[ ${#files[@]} -gt 0 ] || { echo "check_format: no C++ files found in $source_dir" >&2; exit 1; }

present=()
for file in "${files[@]}"; do
  [ -f "$file" ] || continue # deleted in the work tree but not yet from the index
  present+=("$file")
done
# One clang-format for all the files (starting one per file took most of the time): it names each
# place that differs as "FILE:LINE:COLUMN: error: code should be clang-formatted".
status=0
report=$("$clang_format" --dry-run --Werror "${present[@]}" 2>&1 >/dev/null) || status=$?
mapfile -t unformatted < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' <<<"$report" | sort -u)
if [ "$status" -ne 0 ] && [ ${#unformatted[@]} -eq 0 ]; then
  echo "check_format: $clang_format failed:" >&2
  echo "$report" >&2
  exit 1
fi
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check_format: ${#unformatted[@]} of ${#files[@]} files are not formatted as .clang-format says" \
       "(fix with: $clang_format -i FILE):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files formatted"
