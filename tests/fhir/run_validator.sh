#!/usr/bin/env bash
# Runs the independent FHIR R4 validator (validate.js, the `fhir` npm package that
# .ci/install-deps installs here with `npm ci`) over the Questionnaire that contra writes and
# every example response, or, with --expect-invalid, over the broken resources in broken/.
# Outside CI a validator not installed is a skip (77); in CI (CI=true) it is a failure.
#
#   run_validator.sh CONTRA_BINARY [--expect-invalid]
set -u
binary=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v node >/dev/null || [ ! -f "$here/node_modules/fhir/package.json" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: the FHIR validator is not installed in $here: run .ci/install-deps"
    exit 1
  fi
  echo "SKIP: the FHIR validator is not installed in $here: run .ci/install-deps"
  exit 77
fi
if [ "${2:-}" = --expect-invalid ]; then
  exec node "$here/validate.js" --expect-invalid "$here/broken"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" questions --format fhir >"$work/questionnaire.json" || { echo "FAIL: contra questions"; exit 1; }
node "$here/validate.js" "$work/questionnaire.json" "$root/examples" "$root/tests/data" \
  "$root/tests/e2e" "$root/tests/bad-input"
