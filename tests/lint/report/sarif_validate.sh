#!/usr/bin/env bash
# ctest `sarif_validate` (label sarif-validate): runs `iamlint --format sarif`
# on the samples and validates the output with Microsoft's SARIF Multitool
# (npm @microsoft/sarif-multitool), failing on any error it reports.
#
# Usage: sarif_validate.sh IAMLINT_BINARY SOURCE_DIR WORK_DIR
# The tool is taken from $IAMLINT_SARIF_MULTITOOL, then PATH, then
# WORK_DIR/node_modules, else installed there with npm. Without npm or the
# registry the test is SKIPPED (exit 77), loudly.
set -u
bin=$1
src=$2
work=$3
mkdir -p "$work"

skip() {
  echo "************************************************************" >&2
  echo "SKIPPED sarif-validate: $1" >&2
  echo "************************************************************" >&2
  exit 77
}

tool=${IAMLINT_SARIF_MULTITOOL:-}
if [ -z "$tool" ]; then
  if command -v sarif-multitool >/dev/null 2>&1; then
    tool=sarif-multitool
  elif [ -x "$work/node_modules/.bin/sarif-multitool" ]; then
    tool=$work/node_modules/.bin/sarif-multitool
  elif command -v npm >/dev/null 2>&1; then
    echo "installing @microsoft/sarif-multitool into $work" >&2
    if ! timeout 600 npm install --prefix "$work" --no-audit --no-fund --loglevel=error \
        @microsoft/sarif-multitool >&2; then
      skip "npm could not install @microsoft/sarif-multitool"
    fi
    tool=$work/node_modules/.bin/sarif-multitool
  else
    skip "npm is not installed and sarif-multitool is not on PATH"
  fi
fi
# Newer npm versions skip the package's postinstall `chmod u+x`.
if [ -d "$work/node_modules/@microsoft" ]; then
  find "$work/node_modules/@microsoft" -name 'Sarif.Multitool' -type f -exec chmod u+x {} + 2>/dev/null
fi

cd "$src" || exit 1
status=0
for input in samples/policies samples/policies/broken/many-mistakes.json; do
  out="$work/$(echo "$input" | tr '/' '_').sarif"
  "$bin" lint --no-config --format sarif "$input" >"$out"
  rc=$?
  if [ $rc -gt 1 ]; then
    echo "iamlint failed on $input (exit $rc)" >&2
    status=1
    continue
  fi
  log=$("$tool" validate "$out" 2>&1)
  rc=$?
  echo "$log"
  if [ $rc -ne 0 ] || echo "$log" | grep -Eq '(^|[ :])error [A-Z]+[0-9]+'; then
    echo "SARIF validation found errors in the output for $input" >&2
    status=1
  elif ! echo "$log" | grep -q 'Analysis completed successfully'; then
    skip "sarif-multitool did not run: $log"
  fi
done
exit $status
