#!/usr/bin/env bash
# Folds the inputs a fuzzing run found (run_fuzzers.sh OUT/corpus/<target>)
# into tests/fuzz/corpus/<target>: libFuzzer's -merge=1 keeps the inputs
# that add coverage, then the corpus is cut to a byte budget per target
# (BUDGET, default 270 KiB, so the seven stay under 2 MB): the seed files
# (seed-*, from make_seeds.py) are always kept, then the smallest merged
# inputs until the budget is spent.
#   bash tests/fuzz/merge_corpus.sh build-fuzz /tmp/iamlint-fuzz [target...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?build dir}
out=${2:?output dir of run_fuzzers.sh}
shift 2
budget=${BUDGET:-276480}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(policy eval cases cfn_yaml json_template account wildcard)
for t in "${targets[@]}"; do
  corpus="tests/fuzz/corpus/$t"
  merged=$(mktemp -d)
  nice -n 15 "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len=65536 "$merged" \
    "$corpus" "$out/corpus/$t" > "$out/merge-$t.log" 2>&1
  kept=$(mktemp -d)
  used=0
  for f in "$corpus"/seed-*; do
    [ -e "$f" ] || continue
    cp "$f" "$kept/"
    used=$((used + $(stat -c %s "$f")))
  done
  while read -r size name; do
    [ -e "$kept/$name" ] && continue
    [ $((used + size)) -gt "$budget" ] && break
    cp "$merged/$name" "$kept/"
    used=$((used + size))
  done < <(cd "$merged" && stat -c '%s %n' -- * | sort -n -k1,1 -k2,2)
  rm -f "$corpus"/*
  cp "$kept"/* "$corpus/"
  rm -rf "$merged" "$kept"
  echo "$t: $(ls "$corpus" | wc -l) files, $used bytes"
done
