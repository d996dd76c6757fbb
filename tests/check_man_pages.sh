#!/usr/bin/env bash
# The man pages written at build time (cmake/make_man_pages.py): contra(1) and one page per
# command, each gzipped, formatted by man and groff without a single warning, each with
# EXAMPLES and an EXIT STATUS table.
#
#   check_man_pages.sh CONTRA MAN_DIR
set -euo pipefail
contra=$1
man_dir=$2
fail() { echo "check_man_pages: $*" >&2; exit 1; }

commands=$("$contra" help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || fail "no commands in 'contra help'"
for page in contra $(sed 's/^/contra-/' <<<"$commands"); do
  file="$man_dir/$page.1.gz"
  [ -f "$file" ] || fail "no man page $page(1)"
  gzip -t "$file" || fail "$page(1) is not gzipped"
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=all -l "$file" 2>&1 >/dev/null) || fail "man cannot format $page(1)"
  [ -z "$warnings" ] || fail "man warns about $page(1): $warnings"
  warnings=$(zcat "$file" | groff -ww -z -man 2>&1) || fail "groff cannot format $page(1)"
  [ -z "$warnings" ] || fail "groff warns about $page(1): $warnings"
  roff=$(zcat "$file")
  grep -qx '.SH EXAMPLES' <<<"$roff" || fail "$page(1) has no EXAMPLES"
  examples=$(sed -n '/^\.SH EXAMPLES$/,/^\.SH/p' <<<"$roff" | grep -c '^\.TP$' || true)
  [ "$examples" -ge 1 ] || fail "$page(1)'s EXAMPLES has no example"
  # Every exit code on a line of its own, with what it means: the table help2man garbled.
  status=$(sed -n '/^\.SH "EXIT STATUS"$/,/^\.SH/p' <<<"$roff")
  for code in 0 64 65 66 70 73 78; do
    grep -q -A1 "^\\\\fB$code\\\\fR\$" <<<"$status" || fail "$page(1)'s EXIT STATUS lacks $code"
  done
  grep -q 'does not diagnose' <<<"$roff" || fail "$page(1) lacks the disclaimer"
done
# The verdicts, each with its meaning, where a command gives one.
status=$(MANWIDTH=80 man -l "$man_dir/contra-check.1.gz" 2>/dev/null | sed -n '/^EXIT STATUS/,/^[A-Z]/p')
for line in '0 +proceed$' '4 +emergency$' '5 +incomplete' '64 +usage error$'; do
  grep -Eq "^ +$line" <<<"$status" || fail "contra-check(1)'s EXIT STATUS lacks '$line': $status"
done
echo "man pages: contra(1) and $(wc -w <<<"$commands") commands, no warnings"
