#!/usr/bin/env bash
# Whole-process comparison of prdlint with Vale v3.21.0 running the
# equivalent word-list style (../shared/bench/vale): the corpus side by
# side, alternating the two, RUNS times each; then cold start on one 8 KB
# design document and on the example PRD, COLD_RUNS times each. Prints
# medians of wall time, CPU time (user+sys) and peak RSS, and the ratios.
#
#   PRDLINT_CORPUS  corpus directory (default ../shared/corpus/keps)
#   VALE_BIN        a vale v3.21.0 binary (default: installed into a
#                   temporary directory with go install)
#   VALE_STYLE      the Vale configuration directory (default ../shared/bench/vale)
#   RUNS            corpus runs per tool (default 5)
#   COLD_RUNS       cold-start runs per tool and file (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

corpus=${PRDLINT_CORPUS:-../shared/corpus/keps}
style=${VALE_STYLE:-../shared/bench/vale}
runs=${RUNS:-5}
cold_runs=${COLD_RUNS:-20}
for d in "$corpus" "$style"; do
  if [ ! -d "$d" ]; then
    echo "compare: $d not found: skipped" >&2
    exit 0
  fi
done
corpus=$(cd "$corpus" && pwd)
style=$(cd "$style" && pwd)
kep=$corpus/sig-architecture/1333-conformance-without-beta/README.md
prd=$root/testdata/prds/checkout.md

# GNU time reports peak RSS; install Debian's package when missing.
timer=/usr/bin/time
if ! "$timer" -f %M true >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1 || true
  fi
  if ! "$timer" -f %M true >/dev/null 2>&1; then
    echo "compare: GNU time (Debian package 'time') is needed and could not be installed: skipped" >&2
    exit 0
  fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vale=${VALE_BIN:-}
if [ -z "$vale" ]; then
  echo "== installing vale v3.21.0 into a temporary directory"
  GOBIN=$tmp go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0
  vale=$tmp/vale
fi
echo "== building prdlint"
go build -o "$tmp/prdlint" ./cmd/prdlint
prdlint=$tmp/prdlint

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"

# measure NAME DIR CMD...: one run from DIR, appending "wall cpu rss_kib
# exit" to $tmp/NAME. Wall time is taken around GNU time (whose own
# figure has 10 ms steps), so it includes about a millisecond of its start.
measure() {
  local name=$1 dir=$2 start end
  shift 2
  start=$EPOCHREALTIME
  (cd "$dir" && "$timer" -o "$tmp/t" -f '%U %S %M %x' "$@" >/dev/null 2>"$tmp/err") || true
  end=$EPOCHREALTIME
  # GNU time puts a "Command exited with non-zero status" line first.
  tail -n1 "$tmp/t" | awk -v s="$start" -v e="$end" '{ printf "%.4f %.3f %s %s\n", e - s, $1 + $2, $3, $4 }' >>"$tmp/$name"
}

# median FILE COLUMN
median() {
  sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'
}

# report NAME: medians of one series.
report() {
  local f=$tmp/$1
  printf '%-22s wall %8.4f s   cpu %7.2f s   peak RSS %7.1f MiB   exit %s   (%d runs)\n' "$1" \
    "$(median "$f" 1)" "$(median "$f" 2)" "$(awk '{ if ($3 > m) m = $3 } END { print m / 1024 }' "$f")" \
    "$(awk '{ print $4 }' "$f" | sort -u | paste -sd/)" "$(wc -l <"$f")"
}

ratio() {
  awk -v a="$(median "$tmp/$1" "$3")" -v b="$(median "$tmp/$2" "$3")" 'BEGIN { printf "%.1fx", (b > 0) ? a / b : 0 }'
}

echo "== corpus: $(find "$corpus" -name '*.md' | wc -l) files, $(du -sh "$corpus" | cut -f1); $runs runs each, alternating"
for i in $(seq "$runs"); do
  measure vale-corpus "$style" "$vale" --output=JSON --no-exit "$corpus"
  measure prdlint-corpus "$root" "$prdlint" lint --format json "$corpus"
done
report vale-corpus
report prdlint-corpus
echo "prdlint is $(ratio vale-corpus prdlint-corpus 1) faster than Vale (wall), $(ratio vale-corpus prdlint-corpus 2) (cpu)"

echo "== cold start: $cold_runs runs each, alternating"
for i in $(seq "$cold_runs"); do
  if [ -f "$kep" ]; then
    measure vale-kep-8k "$style" "$vale" --output=JSON --no-exit "$kep"
    measure prdlint-kep-8k "$root" "$prdlint" lint "$kep"
  fi
  measure vale-example-prd "$style" "$vale" --output=JSON --no-exit "$prd"
  measure prdlint-example-prd "$root" "$prdlint" lint "$prd"
done
if [ -f "$kep" ]; then
  report vale-kep-8k
  report prdlint-kep-8k
  echo "cold start: prdlint $(ratio vale-kep-8k prdlint-kep-8k 1) faster than Vale on the 8 KB document"
else
  echo "(8 KB document $kep not in this corpus: skipped)"
fi
report vale-example-prd
report prdlint-example-prd
echo "cold start: prdlint $(ratio vale-example-prd prdlint-example-prd 1) faster than Vale on the example PRD"
echo "(prdlint exit 1 means the file has findings)"
