#!/usr/bin/env bash
# Runs the libFuzzer targets one after another (never two at once), each for
# SECONDS, at low priority. Seeds come from tests/fuzz/corpus/<target>; new
# inputs go to OUT/corpus/<target>, logs to OUT/<target>.log, crashes and
# slow inputs to OUT/artifacts/<target>/. The committed corpus is left alone:
# fold new inputs back with tests/fuzz/merge_corpus.sh.
#   bash tests/fuzz/run_fuzzers.sh build-fuzz 600 /tmp/iamlint-fuzz [target...]
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?build dir}
seconds=${2:?seconds per target}
out=${3:?output dir}
shift 3
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(policy eval cases cfn_yaml json_template account wildcard)
mkdir -p "$out"
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  echo "$(date -u +%H:%M:%S) start $t" >> "$out/summary.txt"
  nice -n 15 "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$t/" "$out/corpus/$t" "tests/fuzz/corpus/$t" \
    > "$out/$t.log" 2>&1
  rc=$?
  echo "$(date -u +%H:%M:%S) end $t rc=$rc $(grep -E '^#[0-9]+' "$out/$t.log" | tail -1)" >> "$out/summary.txt"
done
echo "$(date -u +%H:%M:%S) all done" >> "$out/summary.txt"
