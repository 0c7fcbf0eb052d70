#!/usr/bin/env bash
# Issue 9, workload 1 (rerunnable): lint every AWS managed policy, one file
# each, as `iamlint lint FOLDER` does, plus the seeded synthetic corpus of
# bench/simulate_cases.h at 1x, 10x and 100x (100, 1,000, 10,000 policies
# of 10 statements), and print wall time, CPU time (user + sys), MB/s and
# peak RSS for each (/usr/bin/time around the whole process, catalog load
# included), with the load average.
#
# The managed policies come from ../shared/corpora/managed-policies/
# aws-managed-policies.json (a map name -> {arn, document, ...}); their
# documents are written, pretty-printed with 2-space indentation like the
# AWS console shows them, to a scratch folder outside the repository
# (IAMLINT_BENCH_SCRATCH, default ${TMPDIR:-/tmp}/iamlint-managed-policies);
# no corpus data enters the repository.
#
# usage: bench/managed_policies.sh [--build DIR] [--runs N] [--no-synthetic]
#   --runs N   repeat each measurement N times and keep the fastest by CPU (default 3)
#
# Targets (issue 9): managed policies < 0.5 s, >= 50 MB/s, peak RSS < 64 MB.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
RUNS=3
SYNTHETIC=1
CORPUS=${IAMLINT_MANAGED_POLICIES:-$ROOT/../shared/corpora/managed-policies/aws-managed-policies.json}
SCRATCH=${IAMLINT_BENCH_SCRATCH:-${TMPDIR:-/tmp}/iamlint-managed-policies}

while [[ $# -gt 0 ]]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-synthetic) SYNTHETIC=0; shift ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "managed_policies.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $SCRATCH in
  "$ROOT"|"$ROOT"/*) echo "managed_policies.sh: the scratch folder must be outside the repository" >&2; exit 2 ;;
esac
IAMLINT=$BUILD/lint/iamlint
GEN=$BUILD/bench/iamlint_gen_cases
[[ -x $IAMLINT ]] || { echo "managed_policies.sh: $IAMLINT missing: build first" >&2; exit 1; }

# Lints folder $2 (label $1) $RUNS times; prints one table row, fastest CPU.
measure() {
  local label=$1 dir=$2 best="" line files bytes
  files=$(find "$dir" -name '*.json' | wc -l)
  bytes=$(find "$dir" -name '*.json' -print0 | xargs -0 cat | wc -c)
  for ((r = 0; r < RUNS; ++r)); do
    /usr/bin/time -f '%e %U %S %M' -o "$SCRATCH/time.txt" \
      "$IAMLINT" lint --fail-on never "$dir" >"$SCRATCH/out.txt" 2>"$SCRATCH/err.txt" || true
    line=$(tail -n 1 "$SCRATCH/time.txt")
    if [[ -z $best ]] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x); split(b, y); exit !(x[2] + x[3] < y[2] + y[3]) }'; then
      best=$line
    fi
  done
  read -r wall user sys rss <<<"$best"
  awk -v label="$label" -v files="$files" -v bytes="$bytes" -v wall="$wall" -v user="$user" \
      -v sys="$sys" -v rss="$rss" \
      -v summary="$(grep -hE 'files? checked' "$SCRATCH/out.txt" "$SCRATCH/err.txt" | tail -n 1)" 'BEGIN {
    cpu = user + sys
    printf "| %s | %d | %.2f MB | %.2f s | %.2f s | %.1f MB/s | %.0f MB | %s |\n",
      label, files, bytes / 1e6, wall, cpu, (cpu > 0 ? bytes / 1e6 / cpu : 0), rss / 1024, summary
  }'
}

mkdir -p "$SCRATCH"
echo "machine: $(nproc) CPUs, $(uname -m); iamlint $("$IAMLINT" --version 2>&1 | head -n 1)"
echo "load average before: $(uptime | sed 's/.*load average: //')"
echo
echo "| corpus | files | size | wall | CPU (user+sys) | MB/s (by CPU) | peak RSS | iamlint summary |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"

if [[ -f $CORPUS ]]; then
  rm -rf "$SCRATCH/managed"
  mkdir -p "$SCRATCH/managed"
  python3 - "$CORPUS" "$SCRATCH/managed" <<'EOF'
import json, os, sys
policies = json.load(open(sys.argv[1], encoding="utf-8"))
for name, entry in sorted(policies.items()):
    with open(os.path.join(sys.argv[2], name + ".json"), "w", encoding="utf-8") as f:
        json.dump(entry["document"], f, indent=2)
        f.write("\n")
EOF
  measure "AWS managed policies" "$SCRATCH/managed"
else
  echo "managed_policies.sh: $CORPUS not found; skipping the managed policies" >&2
fi

if [[ $SYNTHETIC == 1 ]]; then
  [[ -x $GEN ]] || { echo "managed_policies.sh: $GEN missing: build the bench" >&2; exit 1; }
  for n in 100 1000 10000; do
    rm -rf "$SCRATCH/synthetic-$n"
    mkdir -p "$SCRATCH/synthetic-$n"
    "$GEN" --policies-dir "$SCRATCH/synthetic-$n" "$n" 10
    measure "synthetic, $n policies × 10 statements" "$SCRATCH/synthetic-$n"
  done
fi
echo
echo "load average after: $(uptime | sed 's/.*load average: //')"
