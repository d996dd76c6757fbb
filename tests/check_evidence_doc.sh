#!/usr/bin/env bash
# Fails when docs/evidence.md is not what `contra rules --format markdown` prints for the bundled
# pack: the evidence table a clinical lead signs off must be the pack as built.
#
#   check_evidence_doc.sh CONTRA_BINARY
#
# CONTRA_UPDATE_GOLDENS=1 rewrites docs/evidence.md instead: review that diff like code.
set -u
binary=$1
root=$(cd "$(dirname "$0")/.." && pwd)
doc="$root/docs/evidence.md"
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
(cd "$root" && NO_COLOR=1 COLUMNS=80 "$binary" rules --format markdown >"$actual") || exit 1
if [ "${CONTRA_UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$actual" "$doc"
  echo "updated $doc"
  exit 0
fi
diff -u --label docs/evidence.md --label "contra rules --format markdown" "$doc" "$actual"
