#!/usr/bin/env bash
# Issue 9, workload 5: start-up. Times whole `iamlint` processes that do
# almost nothing else: `--version`, linting one small sample policy
# (catalog load included), simulating one request, and linting one small
# CloudFormation template. Uses hyperfine when installed (apt-get install
# hyperfine; -N: no intermediate shell, 5 warm-up runs, so "cold" means a
# fresh process with the binary in the page cache): wall and user/sys CPU
# per command. Then peak RSS of each (/usr/bin/time, median of 9 runs) and
# the load average.
#
# usage: bench/startup.sh [--build DIR] [--runs N]
# Target (issue 9): < 20 ms including the catalog.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
RUNS=100
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
IAMLINT=$BUILD/lint/iamlint
[[ -x $IAMLINT ]] || { echo "startup.sh: $IAMLINT missing: build first" >&2; exit 1; }
cd "$ROOT"
commands=(
  "$IAMLINT --version"
  "$IAMLINT lint samples/policies/identity/ec2-s3-list-buckets.json"
  "$IAMLINT simulate --policy samples/policies/identity/ec2-s3-list-buckets.json --action s3:ListAllMyBuckets --resource *"
  "$IAMLINT lint --fail-on never samples/templates/app-role.json"
)
labels=("--version" "lint one small policy" "simulate one request" "lint one small template")

echo "load average before: $(uptime | sed 's/.*load average: //')"
if command -v hyperfine >/dev/null; then
  tmp=$(mktemp -d)
  hyperfine -N --warmup 5 --runs "$RUNS" --ignore-failure --export-json "$tmp/h.json" \
    --style basic "${commands[@]}" >"$tmp/h.txt" 2>&1 || cat "$tmp/h.txt"
  python3 - "$tmp/h.json" "${labels[@]}" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print("| command | mean wall | min | max | user | sys |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for label, r in zip(sys.argv[2:], results):
    ms = lambda s: f"{s * 1000:.1f} ms"
    print(f"| `iamlint {label}` | {ms(r['mean'])} ± {r['stddev'] * 1000:.1f} | {ms(r['min'])} | {ms(r['max'])} | {ms(r['user'])} | {ms(r['system'])} |")
EOF
  rm -rf "$tmp"
else
  echo "(hyperfine not installed: /usr/bin/time only)"
fi

echo
# /usr/bin/time's CPU times have a 10 ms resolution: peak RSS only here.
echo "| command | peak RSS (median of 9) |"
echo "| --- | ---: |"
for i in "${!commands[@]}"; do
  read -r -a argv <<<"${commands[$i]}"
  for ((r = 0; r < 9; ++r)); do
    /usr/bin/time -f '%M' -o "${TMPDIR:-/tmp}/iamlint-startup-rss.txt" "${argv[@]}" >/dev/null 2>&1 || true
    tail -n 1 "${TMPDIR:-/tmp}/iamlint-startup-rss.txt"
  done | sort -n | awk -v label="${labels[$i]}" '{ v[NR] = $1 } END { printf "| `iamlint %s` | %.1f MB |\n", label, v[int((NR + 1) / 2)] / 1024 }'
done
echo
echo "load average after: $(uptime | sed 's/.*load average: //')"
