#!/usr/bin/env bash
# A rule pack is read only from regular files inside its folder (docs/limits.md). Git cannot
# store a FIFO or a device, so this script makes them at run time: each must be refused at once
# with exit 78 (`timeout` catches a hang), while a profile the user pipes in (`<(...)`, `-`)
# is still read.
#
#   check_pack_special_files.sh CONTRA_BINARY
set -u
contra=$1
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# expect RC TEXT COMMAND...: the exit code, and TEXT in standard output or error.
expect() {
  local rc=$1 text=$2
  shift 2
  timeout 10 "$@" >"$work/out" 2>"$work/err" </dev/null
  local actual=$?
  if [ "$actual" != "$rc" ] || ! cat "$work/out" "$work/err" | grep -qF -- "$text"; then
    echo "FAIL: $* exited $actual (expected $rc with '$text'):"
    cat "$work/out" "$work/err"
    status=1
  fi
}

fresh_pack() {
  rm -rf "$work/pack"
  cp -r "$root/tests/data/small-pack" "$work/pack"
  rm -f "$work/pack/tests/warm-leg.yaml"
}

fresh_pack
rm "$work/pack/body.yaml"
mkfifo "$work/pack/body.yaml"
expect 78 "body.yaml is a FIFO (named pipe); a rule pack is read only from regular files" "$contra" lint "$work/pack"
expect 78 "body.yaml is a FIFO" "$contra" check --rules "$work/pack" --leg-warmth
expect 78 "pack.yaml:6:11: error: cannot read the pack file 'body.yaml'" "$contra" test "$work/pack"

fresh_pack
rm "$work/pack/pack.yaml"
mkfifo "$work/pack/pack.yaml"
expect 78 "pack.yaml is a FIFO" "$contra" lint "$work/pack"

fresh_pack
mkfifo "$work/pack/tests/waiting.yaml"
expect 78 "tests/waiting.yaml is a FIFO" "$contra" test "$work/pack"

fresh_pack
mkdir "$work/pack/body.yaml.d"
sed -i 's/files: \[body.yaml\]/files: [body.yaml, body.yaml.d]/' "$work/pack/pack.yaml"
expect 78 "body.yaml.d is a folder; a rule pack is read only from regular files" "$contra" lint "$work/pack"

# A device, where the system lets us make one.
fresh_pack
rm "$work/pack/body.yaml"
if mknod "$work/pack/body.yaml" c 1 3 2>/dev/null; then
  expect 78 "body.yaml is a device" "$contra" lint "$work/pack"
fi

# The pack folder named on the command line may itself be a link: that is the user's choice.
fresh_pack
ln -s "$work/pack" "$work/linked-pack"
expect 0 "0 errors" "$contra" lint "$work/linked-pack"

# Profiles the user gives are still read from pipes; a folder is still an error.
printf 'leg_warmth: yes\n' >"$work/warm.yaml"
timeout 10 "$contra" check <(cat "$work/warm.yaml") >/dev/null 2>&1
rc=$?
if [ "$rc" -gt 5 ]; then echo "FAIL: a profile from <(...) gave exit $rc, not a verdict"; status=1; fi
timeout 10 "$contra" check - <"$work/warm.yaml" >/dev/null 2>&1
rc=$?
if [ "$rc" -gt 5 ]; then echo "FAIL: a profile on standard input gave exit $rc, not a verdict"; status=1; fi
expect 66 "is a directory" "$contra" check "$work"

exit $status
