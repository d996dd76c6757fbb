#!/usr/bin/env bash
# `cmake --install` and CPack from a build tree: the binary, the man pages, the completions and
# the documentation land where a Debian system looks for them, and the .deb holds them with
# its library dependencies, a stripped binary, a DEP-5 copyright file and a changelog, and
# passes lintian without an error or a warning.
#
#   check_install.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/usr" >/dev/null
for file in bin/contra share/man/man1/contra.1.gz share/man/man1/contra-check.1.gz \
            share/doc/contra/README.md share/doc/contra/copyright share/doc/contra/changelog.gz share/doc/contra/batch.md \
            share/bash-completion/completions/contra share/zsh/vendor-completions/_contra \
            share/fish/vendor_completions.d/contra.fish share/contra/rules/pack.yaml; do
  [ -f "$work/usr/$file" ] || fail "cmake --install did not write $file"
done
zgrep -q 'does not diagnose' "$work/usr/share/man/man1/contra.1.gz" || fail "the man page lacks the disclaimer"
zgrep -q 'contra\\-batch' "$work/usr/share/man/man1/contra.1.gz" || fail "the man page lacks the batch command"
grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$work/usr/share/doc/contra/copyright" || fail "the copyright file is not DEP-5"
"$work/usr/bin/contra" check --suspected-dvt >/dev/null && fail "the installed binary cleared a suspected DVT"

(cd "$build" && cpack -B "$work/package" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/package/*.deb)
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/contra ./usr/share/man/man1/contra.1.gz ./usr/share/man/man1/contra-check.1.gz \
            ./usr/share/bash-completion/completions/contra ./usr/share/doc/contra/copyright \
            ./usr/share/doc/contra/changelog.gz; do
  grep -q " $file\$" <<<"$contents" || fail "the .deb lacks $file"
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q 'libyaml-cpp' <<<"$depends" || fail "the .deb does not depend on yaml-cpp: $depends"
# The changelog's newest entry is this version, so lintian and apt show the right one.
changelog_version=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/contra/changelog.gz | zcat |
                    sed -n '1s/^contra (\([^)]*\)).*/\1/p')
[ "$changelog_version" = "$(dpkg-deb -f "$deb" Version)" ] ||
  fail "the changelog's version $changelog_version is not the package's $(dpkg-deb -f "$deb" Version)"
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -ge 5 ] || fail "the .deb's description is one line"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/contra >"$work/contra.packaged"
readelf -S "$work/contra.packaged" | grep -Eq '\.(symtab|debug_info)' && fail "the packaged binary is not stripped"
command -v lintian >/dev/null || fail "lintian is not installed (.ci/packages lists it)"
findings=$(lintian --tag-display-limit 0 --fail-on error,warning "$deb" 2>&1) ||
  fail "lintian: $findings"
grep -E '^[EW]: ' <<<"$findings" && fail "lintian reports the errors and warnings above"
echo "installed and packaged: $(basename "$deb") (Depends: $depends)"
