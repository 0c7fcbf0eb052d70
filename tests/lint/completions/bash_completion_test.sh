#!/usr/bin/env bash
# ctest `bash_completion`: lint/completions/iamlint.bash completes commands,
# options, --format values per command and help topics (without the
# bash-completion package too: the script falls back to COMP_WORDS), and
# every command it offers is one `iamlint help` lists. The zsh completion
# is checked with `zsh -n` when zsh is installed.
#   bash_completion_test.sh SOURCE_DIR IAMLINT
set -euo pipefail
src=$1 iamlint=$2
cd "$src"
source lint/completions/iamlint.bash
fail=0
complete_line() {
  COMP_LINE="$1"; COMP_POINT=${#1}
  read -ra COMP_WORDS <<<"$1"
  [[ "$1" == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _iamlint
  echo "${COMPREPLY[*]}"
}
expect() {
  local got
  got=$(complete_line "$1")
  if [ "$got" != "$2" ]; then echo "FAIL: [$1] -> [$got], expected [$2]"; fail=1; fi
}
expect "iamlint sim" "simulate"
expect "iamlint --format " "text json sarif github"
expect "iamlint checks --format " "text json markdown"
expect "iamlint simulate --format " "text json"
expect "iamlint simulate --ex" "--expect --explain"
expect "iamlint lint --fail" "--fail-on"
expect "iamlint --no-pro" "--no-progress"
expect "iamlint help exit" "exit-codes"
expect "iamlint simulate samples/ca" "samples/cases"
# The commands offered are exactly those `iamlint help` lists.
listed=$("$iamlint" help | tail -1 | xargs)
offered=$(complete_line "iamlint help " | tr ' ' '\n' | grep -v -x -e exit-codes -e formats -e config | xargs)
[ "$listed" = "$offered" ] || { echo "FAIL: commands [$offered] != iamlint help's [$listed]"; fail=1; }
# The zsh completion at least parses, where zsh is installed.
if command -v zsh >/dev/null; then
  zsh -n lint/completions/_iamlint || { echo "FAIL: zsh -n lint/completions/_iamlint"; fail=1; }
fi
[ $fail = 0 ] && echo "bash_completion: ok"
exit $fail
