#!/usr/bin/env bash
# Minimizes tests/fuzz/corpus/<target> together with the inputs a fuzzing
# run found (run_fuzzers.sh OUT/corpus/<target>) with libFuzzer's -merge=1:
# the committed corpus becomes the smallest set of files with the same
# coverage. Inputs larger than 64 KiB are left out.
#   bash tests/fuzz/merge_corpus.sh build-fuzz /tmp/iamlint-fuzz [target...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?build dir}
out=${2:?output dir of run_fuzzers.sh}
shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(policy eval cases cfn_yaml json_template account wildcard)
for t in "${targets[@]}"; do
  merged=$(mktemp -d)
  nice -n 15 "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len=65536 "$merged" \
    "tests/fuzz/corpus/$t" "$out/corpus/$t" > "$out/merge-$t.log" 2>&1
  rm -f tests/fuzz/corpus/"$t"/*
  cp "$merged"/* "tests/fuzz/corpus/$t/"
  rm -rf "$merged"
  echo "$t: $(ls "tests/fuzz/corpus/$t" | wc -l) files, $(du -sh "tests/fuzz/corpus/$t" | cut -f1)"
done
