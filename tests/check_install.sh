#!/usr/bin/env bash
# `cmake --install` and CPack from a build tree: the binary, the man page, the completions and
# the documentation land where a Debian system looks for them, and the .deb holds them with
# its library dependencies.
#
#   check_install.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/usr" >/dev/null
for file in bin/contra share/man/man1/contra.1 share/doc/contra/README.md share/doc/contra/batch.md \
            share/bash-completion/completions/contra share/zsh/vendor-completions/_contra \
            share/fish/vendor_completions.d/contra.fish share/contra/rules/pack.yaml; do
  [ -f "$work/usr/$file" ] || fail "cmake --install did not write $file"
done
grep -q 'does not diagnose' "$work/usr/share/man/man1/contra.1" || fail "the man page lacks the disclaimer"
grep -q 'batch' "$work/usr/share/man/man1/contra.1" || fail "the man page lacks the batch command"
"$work/usr/bin/contra" check --suspected-dvt >/dev/null && fail "the installed binary cleared a suspected DVT"

(cd "$build" && cpack -B "$work/package" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/package/*.deb)
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/contra ./usr/share/man/man1/contra.1 ./usr/share/bash-completion/completions/contra; do
  grep -q " $file\$" <<<"$contents" || fail "the .deb lacks $file"
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q 'libyaml-cpp' <<<"$depends" || fail "the .deb does not depend on yaml-cpp: $depends"
echo "installed and packaged: $(basename "$deb") (Depends: $depends)"
