#!/usr/bin/env bash
# The completion scripts: bash completes commands, options, a question's values and site names
# after a comma; the zsh and fish scripts are valid for their shells, and the zsh function installed
# on $fpath completes on the first Tab in an interactive zsh.
#
#   check_completion.sh CONTRA_BINARY
set -euo pipefail
contra=$1
fail() { echo "check_completion: $*" >&2; exit 1; }

complete_words() { # the words bash offers for the command line "$@", the last word being typed
  bash -c 'source <("$0" completion bash); COMP_WORDS=("${@}"); COMP_CWORD=$(($# - 1)); _contra; echo "${COMPREPLY[*]}"' \
    "$contra" "$@"
}
expect() { # expect "WANTED" WORDS...
  local wanted=$1; shift
  local got; got=$(complete_words "$@")
  [ "$got" = "$wanted" ] || fail "completing '$*': expected '$wanted', got '$got'"
}
expect "batch" contra ba
expect "--leg-warmth" contra check --leg-wa
expect "mld_legs mld_body" contra check --modality m
expect "calf_left,ankle_left calf_left,ankle_right" contra check --varicose-vein-sites calf_left,ank
expect "auto ndjson yaml csv fhir" contra batch --input-format ""
expect "bash zsh fish" contra completion ""
expect "sites" contra sit
expect "text json" contra sites --format ""

"$contra" completion fish | fish -n || fail "the fish script does not parse"
fish_script=$("$contra" completion fish) # not piped into grep -q: pipefail would see SIGPIPE
grep -q -- "-l varicose-vein-sites -x -a '(__contra_list forehead .*calf_left" <<<"$fish_script" ||
  fail "fish does not offer site names"

# Completion goes on after an option that takes no value, in bash and fish; fish completes the
# next site after a comma.
expect "--modality" contra check --suspected-dvt --mod
fish_complete() { fish -c 'source (eval $argv[1] completion fish | psub); complete -C $argv[2]' "$contra" "$1" | cut -f1 | tr '\n' ' '; }
got=$(fish_complete "contra check --suspected-dvt --mod")
[ "$got" = "--modality " ] || fail "fish after --suspected-dvt: '$got'"
got=$(fish_complete "contra check --varicose-vein-sites calf_left,ank")
[ "$got" = "calf_left,ankle_left calf_left,ankle_right " ] || fail "fish after a comma: '$got'"

# zsh, typed into an interactive shell with one Tab (zsh_complete.zsh prints the edited line).
command -v zsh >/dev/null || { echo "check_completion: zsh is missing: zsh not checked" >&2; exit 77; }
"$contra" completion zsh | zsh -n || fail "the zsh script does not parse"
zsh_expect() { # zsh_expect "WANTED LINE" "TYPED LINE"
  local got; got=$(timeout 60 zsh -f "$(dirname "$0")/zsh_complete.zsh" "$contra" "$2") ||
    fail "zsh: completing '$2' did not finish"
  [ "$got" = "$1" ] || fail "zsh: completing '$2': expected '$1', got '$got'"
}
zsh_expect "contra sites " "contra sit"
zsh_expect "contra check --suspected-dvt --modality " "contra check --suspected-dvt --mod"
zsh_expect "contra check --leg-ulcer-sites ankle_left,calf_left " "contra check --leg-ulcer-sites ankle_left,calf_l"
echo "completion: bash, zsh and fish checked"
