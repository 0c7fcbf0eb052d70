#!/usr/bin/env bash
# ctest `man_page`: lint/man/iamlint.1 renders without groff warnings, and
# names every command `iamlint help` lists and every help topic, and the
# version of the binary.
# Exit 77 (SKIPPED) without groff.
#   man_page_test.sh SOURCE_DIR IAMLINT
set -euo pipefail
src=$1 iamlint=$2
command -v groff >/dev/null || { echo "SKIPPED: groff not found"; exit 77; }
page=$src/lint/man/iamlint.1
warnings=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warnings" ] || { echo "FAIL: groff warnings:"; echo "$warnings"; exit 1; }
text=$(groff -man -Tutf8 "$page" 2>/dev/null | sed 's/.\x08//g')
for word in $("$iamlint" help | tail -1) exit-codes formats config .iamlint.yaml NO_COLOR; do
  grep -q -- "$word" <<<"$text" || { echo "FAIL: the man page does not mention $word"; exit 1; }
done
# The title line names the version `iamlint --version` prints.
version=$("$iamlint" --version)
grep -q "^\.TH IAMLINT 1 .* \"$version\"" "$page" ||
  { echo "FAIL: the .TH line does not name \"$version\""; exit 1; }
echo "man_page: ok"
