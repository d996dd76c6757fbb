#!/usr/bin/env zsh
# Completes a command line in a real interactive zsh: the script from `contra completion zsh` is
# installed as _contra on $fpath, compinit runs, the line is typed with ONE Tab at its end, and the
# edited line is printed. Each call starts a fresh shell, so the Tab is the first use of _contra.
#
#   zsh -f zsh_complete.zsh CONTRA_BINARY 'contra check --mod'
emulate -L zsh
setopt err_exit no_unset
zmodload zsh/zpty

contra=${1:A}
typed=$2
timeout_seconds=10

scratch=$(mktemp -d "${TMPDIR:-/tmp}/contra_zsh_complete.XXXXXX")
cleanup() {
  zpty -d completing 2>/dev/null || true
  rm -rf -- "$scratch"
}
trap cleanup EXIT INT TERM

mkdir "$scratch/functions" "$scratch/bin"
"$contra" completion zsh >"$scratch/functions/_contra"
ln -s "$contra" "$scratch/bin/contra"

# The shell under test writes the edited line to a file when a key is pressed: no terminal escapes
# to parse.
cat >"$scratch/zshrc" <<EOF
HOME=${(q)scratch}
PATH=${(q)scratch}/bin:\$PATH
PS1='> '
fpath=(${(q)scratch}/functions \$fpath)
autoload -U compinit && compinit -u -D
zle_report_buffer() { print -r -- "\$BUFFER" >${(q)scratch}/buffer; }
zle -N zle_report_buffer
bindkey '^X^B' zle_report_buffer
print -n >${(q)scratch}/ready
EOF

# Drains what the shell printed (the pty would fill and block it) until FILE exists.
await() {
  local file=$1 chunk deadline=$(( SECONDS + timeout_seconds ))
  while [[ ! -e $file ]]; do
    (( SECONDS < deadline )) || { print -u2 "zsh_complete: no $file:t within ${timeout_seconds}s"; exit 1; }
    while zpty -rt completing chunk 2>/dev/null; do :; done
    sleep 0.05
  done
}

zpty -b completing "TERM=dumb zsh -f -i"
zpty -w completing "source ${(q)scratch}/zshrc"
await "$scratch/ready"
zpty -w -n completing "$typed"$'\t'
zpty -w -n completing $'\C-x\C-b'
await "$scratch/buffer"
print -r -- "$(<"$scratch/buffer")"
