#!/usr/bin/env bash
# Issue 9, workload 2 end to end: `iamlint simulate` over the seeded cases
# of bench/simulate_cases.h (a principal with 10 realistic policies) at
# 10,000 / 100,000 / 1,000,000 cases (1x, 10x, 100x): wall, CPU
# (user + sys), cases/s by CPU, MB/s, peak RSS (/usr/bin/time around the
# whole process: reading the JSON Lines, building each request, evaluating,
# writing one JSON line per decision to /dev/null).
#
# `iamlint simulate` reads each case file whole and refuses files over
# 256 MiB, so the cases are written in files of at most 250,000 cases, each
# starting with the `define` line (named policies hold within one file).
# Files go to IAMLINT_BENCH_SCRATCH (default ${TMPDIR:-/tmp}/iamlint-simulate).
#
# usage: bench/simulate_e2e.sh [--build DIR] [--sizes 10000,100000,1000000] [--seed S] [--no-index]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
SIZES=10000,100000,1000000
SEED=1
EXTRA=()
SCRATCH=${IAMLINT_BENCH_SCRATCH:-${TMPDIR:-/tmp}/iamlint-simulate}
SHARD=250000
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --no-index) EXTRA+=(--no-index); shift ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "simulate_e2e.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $SCRATCH in
  "$ROOT"|"$ROOT"/*) echo "simulate_e2e.sh: the scratch folder must be outside the repository" >&2; exit 2 ;;
esac
IAMLINT=$BUILD/lint/iamlint
GEN=$BUILD/bench/iamlint_gen_cases
[[ -x $IAMLINT && -x $GEN ]] || { echo "simulate_e2e.sh: build iamlint and the bench first" >&2; exit 1; }
mkdir -p "$SCRATCH"

echo "load average before: $(uptime | sed 's/.*load average: //')"
echo "| cases | files | size | wall | CPU (user+sys) | cases/s (by CPU) | MB/s (by CPU) | peak RSS | decisions |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
IFS=, read -r -a sizes <<<"$SIZES"
for n in "${sizes[@]}"; do
  all=$SCRATCH/cases-$n-seed$SEED.jsonl
  [[ -s $all ]] || "$GEN" --seed "$SEED" "$n" >"$all"
  rm -f "$SCRATCH"/shard-"$n"-*.jsonl
  awk -v shard="$SHARD" -v prefix="$SCRATCH/shard-$n-" '
    NR == 1 { define = $0; next }
    (NR - 2) % shard == 0 { if (out) close(out); out = sprintf("%s%03d.jsonl", prefix, (NR - 2) / shard); print define > out }
    { print > out }' "$all"
  files=("$SCRATCH"/shard-"$n"-*.jsonl)
  bytes=$(stat -c %s "$all")
  /usr/bin/time -f '%e %U %S %M' -o "$SCRATCH/time.txt" \
    "$IAMLINT" simulate "${EXTRA[@]}" "${files[@]}" >"$SCRATCH/out-$n.jsonl" 2>"$SCRATCH/err-$n.txt" || true
  read -r wall user sys rss < <(tail -n 1 "$SCRATCH/time.txt")
  decisions=$(grep -o '"decision":"[A-Za-z]*"' "$SCRATCH/out-$n.jsonl" | sort | uniq -c |
    awk '{ sub(/"decision":/, "", $2); gsub(/"/, "", $2); printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1 }')
  awk -v n="$n" -v f="${#files[@]}" -v bytes="$bytes" -v wall="$wall" -v user="$user" -v sys="$sys" \
      -v rss="$rss" -v d="$decisions" 'BEGIN {
    cpu = user + sys
    printf "| %d | %d | %.1f MB | %.2f s | %.2f s | %.0f | %.1f | %.0f MB | %s |\n",
      n, f, bytes / 1e6, wall, cpu, (cpu > 0 ? n / cpu : 0), (cpu > 0 ? bytes / 1e6 / cpu : 0), rss / 1024, d
  }'
  rm -f "${files[@]}"
done
echo "load average after: $(uptime | sed 's/.*load average: //')"
