#!/usr/bin/env bash
# The C++ tests write temporary files only through tests/support/scratch_path.hpp (names carrying
# the process id), so two test runs on one machine never write or remove each other's files.
#
#   check_scratch_paths.sh SOURCE_DIR
set -euo pipefail
cd "$1"
found=$(grep -rnE 'temp_directory_path|"/tmp/|"/var/tmp/' tests fuzz bench --include='*.cpp' --include='*.hpp' |
  grep -v '^tests/support/scratch_path.hpp:' || true)
if [ -n "$found" ]; then
  echo "check_scratch_paths: a fixed temporary path; use scratch_path() from tests/support:" >&2
  echo "$found" >&2
  exit 1
fi
echo "scratch paths: every temporary file in the C++ tests is per process"
