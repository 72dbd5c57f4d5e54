#!/bin/sh
# check-cli-docs.sh
#
# Copyright 2026 The Mobility Planner authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The man page and the bash and zsh completions know every command of
# `mobility-planner-cli --help` and every option of `COMMAND --help`: a
# command or option added to the program without them fails here.
#
# Usage: check-cli-docs.sh CLI MAN_PAGE BASH_COMPLETION ZSH_COMPLETION
set -u
cli=$1; page=$2; bash_completion=$3; zsh_completion=$4

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8 MANWIDTH=100 man -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err" || {
  echo "1..1"; echo "not ok 1 - man -l $page"; cat "$tmp/man.err" | sed 's/^/# /'; exit 1; }

commands=$(LC_ALL=C.UTF-8 "$cli" --help | sed -n '/^Commands:/,/^$/ s/^  \([a-z-]*\) .*/\1/p')
n=0; failed=0
check () {
  n=$((n + 1))
  if grep -qe "$2" "$3"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}
for c in $commands; do
  check "man page: command $c" "^       $c\b" "$tmp/man.txt"
  check "bash completion: command $c" "\b$c\b" "$bash_completion"
  check "zsh completion: command $c" "'$c:" "$zsh_completion"
  # --long and -s option names from the command's help, --help aside.
  for o in $(LC_ALL=C.UTF-8 "$cli" "$c" --help | sed -n 's/^  \(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\1\2/p' |
             tr -d ',' | tr ' ' '\n' | grep -v -e '^-h$' -e '^--help$'); do
    check "man page: $c $o" "\(^\|[ [,]\)$o\([]=, ]\|$\)" "$tmp/man.txt"
    check "bash completion: $c $o" "[\" ]$o[=\" ]" "$bash_completion"
    check "zsh completion: $c $o" "[{,']$o[][+=,}]" "$zsh_completion"
  done
done
n=$((n + 1))
if [ "$n" -gt 30 ]; then echo "ok $n - $n checks"; else echo "not ok $n - only $n checks: is --help still parsed?"; failed=1; fi
echo "1..$n"
exit $failed
