#!/usr/bin/env bash
# Issue 9, side by side with peers:
#
#  1. simulate: the same seeded cases (bench/simulate_cases.h: a principal
#     with 10 realistic identity policies) through `iamlint simulate` and
#     through @cloud-copilot/iam-simulate (a separate Node.js program,
#     bench/peers/iam_simulate_driver.cjs, calling its public runSimulation);
#     checks that the decisions agree (bench/peers/compare_decisions.py:
#     disagreements are listed, never hidden) and prints throughput of both
#     and the ratio.
#  2. templates: cfn-lint and `iamlint lint` on the same CloudFormation
#     templates (samples/templates and the first N templates of
#     ../shared/corpora/cloudformation when present). cfn-lint checks far
#     more than IAM (every resource property against the CloudFormation
#     schemas), so the ratio is a cost comparison, not a like-for-like one.
#
# iam-simulate is AGPL: it is installed with npm into a scratch folder
# outside the repository (IAMLINT_PEERS_DIR, default ${TMPDIR:-/tmp}/iamlint-peers)
# and never vendored. Outputs and logs go to $IAMLINT_PEERS_DIR/work.
#
# usage: bench/peers/run.sh [--build DIR] [--cases N] [--seed S] [--templates N]
#                           [--prevalidate] [--skip-simulate] [--skip-templates]
#   --cases N       simulate cases (default 10000)
#   --templates N   corpus templates for cfn-lint (default 60; 0: samples only)
#   --prevalidate   also run iam-simulate with each named policy validated once
#
# Timings: /usr/bin/time (wall, user+sys CPU, peak RSS) around each whole
# process; the iam-simulate driver also reports its own in-process loop
# time. The load average is printed first and last: the machine is shared.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$ROOT/build
CASES=10000
SEED=1
TEMPLATES=60
PREVALIDATE=0
DO_SIMULATE=1
DO_TEMPLATES=1
IAM_SIMULATE_VERSION=${IAM_SIMULATE_VERSION:-0.1.173}
PEERS=${IAMLINT_PEERS_DIR:-${TMPDIR:-/tmp}/iamlint-peers}
CORPUS=${IAMLINT_CFN_CORPUS:-$ROOT/../shared/corpora/cloudformation}

while [[ $# -gt 0 ]]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --templates) TEMPLATES=$2; shift 2 ;;
    --prevalidate) PREVALIDATE=1; shift ;;
    --skip-simulate) DO_SIMULATE=0; shift ;;
    --skip-templates) DO_TEMPLATES=0; shift ;;
    -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

case $PEERS in
  "$ROOT"|"$ROOT"/*) echo "run.sh: IAMLINT_PEERS_DIR must be outside the repository" >&2; exit 2 ;;
esac
IAMLINT=$BUILD/lint/iamlint
GEN=$BUILD/bench/iamlint_gen_cases
WORK=$PEERS/work
mkdir -p "$WORK"

# "wall user sys maxrss_kB" of one command; its stdout to $1, stderr to $2.
timed() {
  local out=$1 err=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@" >"$out" 2>"$err" || true
  tail -n 1 "$WORK/time.txt"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }

echo "== machine: $(nproc) CPUs, $(uname -m), $(uptime | sed 's/.*load average/load average/')"
echo "== iamlint: $("$IAMLINT" --version 2>&1 | head -n 1)"

if [[ $DO_SIMULATE == 1 ]]; then
  [[ -x $GEN ]] || { echo "run.sh: $GEN missing: build the bench (cmake --build $BUILD)" >&2; exit 1; }
  command -v node >/dev/null && command -v npm >/dev/null ||
    { echo "run.sh: node and npm are needed for iam-simulate" >&2; exit 1; }
  installed=$(node -e "try{console.log(require('$PEERS/node_modules/@cloud-copilot/iam-simulate/package.json').version)}catch(e){}" 2>/dev/null || true)
  if [[ $installed != "$IAM_SIMULATE_VERSION" ]]; then
    echo "== npm install @cloud-copilot/iam-simulate@$IAM_SIMULATE_VERSION into $PEERS"
    [[ -f $PEERS/package.json ]] || (cd "$PEERS" && npm init -y >/dev/null)
    (cd "$PEERS" && npm install --no-audit --no-fund --silent "@cloud-copilot/iam-simulate@$IAM_SIMULATE_VERSION")
  fi
  echo "== iam-simulate: $IAM_SIMULATE_VERSION (node $(node --version))"

  cases_file=$WORK/cases-$CASES-seed$SEED.jsonl
  "$GEN" --seed "$SEED" "$CASES" >"$cases_file"
  size=$(stat -c %s "$cases_file")
  echo "== simulate: $CASES cases, seed $SEED, $((size / 1000)) kB ($cases_file)"

  # iamlint is fast enough that /usr/bin/time's 10 ms resolution matters:
  # time REPEAT runs (about 200,000 cases in all) and divide.
  repeat=$(( (200000 + CASES - 1) / CASES ))
  "$IAMLINT" simulate "$cases_file" >"$WORK/iamlint.out" 2>"$WORK/iamlint.err" || true
  read -r iw iu is im < <(timed /dev/null "$WORK/iamlint-repeat.err" bash -c \
    'for ((i = 0; i < $1; ++i)); do "$2" simulate "$3" >/dev/null; done' _ "$repeat" "$IAMLINT" "$cases_file")
  read -r iw iu is < <(awk -v r="$repeat" -v w="$iw" -v u="$iu" -v s="$is" 'BEGIN { printf "%.3f %.4f %.4f\n", w / r, u / r, s / r }')
  read -r pw pu ps pm < <(timed "$WORK/peer.out" "$WORK/peer.err" node "$ROOT/bench/peers/iam_simulate_driver.cjs" "$PEERS" "$cases_file")
  peer_loop=$(grep -o '"seconds":[0-9.e-]*' "$WORK/peer.err" | tail -n 1 | cut -d: -f2)
  peer_loop=${peer_loop:-0}
  icpu=$(awk -v u="$iu" -v s="$is" 'BEGIN { print u + s }')
  pcpu=$(awk -v u="$pu" -v s="$ps" 'BEGIN { print u + s }')
  echo "(iamlint: mean of $repeat runs; iam-simulate: one run)"
  printf '%-34s %10s %10s %12s %10s\n' "simulate ($CASES cases)" "wall s" "CPU s" "cases/s CPU" "peak RSS"
  printf '%-34s %10s %10s %12.0f %8d MB\n' "iamlint simulate" "$iw" "$icpu" "$(awk -v n="$CASES" -v c="$icpu" 'BEGIN { print (c > 0 ? n / c : 0) }')" $((im / 1024))
  printf '%-34s %10s %10s %12.0f %8d MB\n' "iam-simulate (runSimulation)" "$pw" "$pcpu" "$(awk -v n="$CASES" -v c="$pcpu" 'BEGIN { print (c > 0 ? n / c : 0) }')" $((pm / 1024))
  printf '%-34s %10s %10s %12.0f\n' "  its in-process loop only" "$peer_loop" "-" "$(awk -v n="$CASES" -v c="$peer_loop" 'BEGIN { print (c > 0 ? n / c : 0) }')"
  echo "ratio iamlint / iam-simulate: $(ratio "$pcpu" "$icpu")x by CPU, $(ratio "$pw" "$iw")x by wall, $(ratio "$peer_loop" "$iw")x (iamlint whole process vs iam-simulate's loop alone)"
  if [[ $PREVALIDATE == 1 ]]; then
    read -r vw vu vs vm < <(timed "$WORK/peer-prevalidated.out" "$WORK/peer-prevalidated.err" node "$ROOT/bench/peers/iam_simulate_driver.cjs" "$PEERS" "$cases_file" --prevalidate)
    vcpu=$(awk -v u="$vu" -v s="$vs" 'BEGIN { print u + s }')
    echo "iam-simulate, policies validated once: wall $vw s, CPU $vcpu s, peak $((vm / 1024)) MB; ratio by CPU $(ratio "$vcpu" "$icpu")x"
  fi
  grep -q . "$WORK/iamlint.err" && { echo "iamlint stderr (first lines):"; head -n 5 "$WORK/iamlint.err"; }
  echo "== agreement (disagreements are listed, not hidden; all cases in $WORK/disagreements.jsonl)"
  python3 "$ROOT/bench/peers/compare_decisions.py" "$cases_file" "$WORK/iamlint.out" "$WORK/peer.out" \
    --write "$WORK/disagreements.jsonl"
fi

if [[ $DO_TEMPLATES == 1 ]]; then
  command -v cfn-lint >/dev/null || { echo "run.sh: cfn-lint not installed; skipping templates" >&2; exit 0; }
  list=$WORK/templates.txt
  find "$ROOT/samples/templates" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) | sort >"$list"
  if [[ -d $CORPUS && $TEMPLATES -gt 0 ]]; then
    find "$CORPUS" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.template' \) |
      sort | xargs grep -l 'AWSTemplateFormatVersion' 2>/dev/null | head -n "$TEMPLATES" >>"$list" || true
  fi
  n=$(wc -l <"$list")
  bytes=$(xargs cat <"$list" | wc -c)
  echo "== templates: $n files, $((bytes / 1000)) kB; cfn-lint $(cfn-lint --version 2>&1 | awk '{print $2}')"
  mapfile -t files <"$list"
  read -r cw cu cs cm < <(timed "$WORK/cfn-lint.out" "$WORK/cfn-lint.err" cfn-lint -- "${files[@]}")
  "$IAMLINT" lint --fail-on never "${files[@]}" >"$WORK/iamlint-lint.out" 2>"$WORK/iamlint-lint.err" || true
  lrepeat=20  # mean of 20 runs (10 ms resolution of /usr/bin/time)
  read -r lw lu ls lm < <(timed /dev/null "$WORK/iamlint-lint-repeat.err" bash -c \
    'n=$1; shift; for ((i = 0; i < n; ++i)); do "$@" >/dev/null 2>&1; done' _ "$lrepeat" \
    "$IAMLINT" lint --fail-on never "${files[@]}")
  read -r lw lu ls < <(awk -v r="$lrepeat" -v w="$lw" -v u="$lu" -v s="$ls" 'BEGIN { printf "%.3f %.4f %.4f\n", w / r, u / r, s / r }')
  ccpu=$(awk -v u="$cu" -v s="$cs" 'BEGIN { print u + s }')
  lcpu=$(awk -v u="$lu" -v s="$ls" 'BEGIN { print u + s }')
  echo "(iamlint: mean of $lrepeat runs; cfn-lint: one run)"
  printf '%-34s %10s %10s %10s %12s\n' "templates ($n files)" "wall s" "CPU s" "peak RSS" "findings"
  printf '%-34s %10s %10s %7d MB %12s\n' "cfn-lint (all rules)" "$cw" "$ccpu" $((cm / 1024)) "$(grep -cE '^[EWI][0-9]+ ' "$WORK/cfn-lint.out" || true) lines"
  printf '%-34s %10s %10s %7d MB %12s\n' "iamlint lint (IAM only)" "$lw" "$lcpu" $((lm / 1024)) "$(grep -E 'files? checked' "$WORK/iamlint-lint.out" "$WORK/iamlint-lint.err" | tail -n 1 | sed 's/.*checked: //')"
  echo "ratio cfn-lint / iamlint: $(ratio "$ccpu" "$lcpu")x by CPU, $(ratio "$cw" "$lw")x by wall (cfn-lint checks every resource, not only IAM)"
fi
echo "== load average at the end: $(uptime | sed 's/.*load average: //')"
