#!/usr/bin/env bash
# Go benchmarks: the goldmark parse-only floor, prdlint's parse (goldmark,
# prose blocks, sentences) and the full lint, per 8 KB file and over the
# whole corpus, in one run; then the medians and the ratios to the floor.
#
#   PRDLINT_CORPUS  corpus directory (default ../shared/corpus/keps)
#   BENCH_COUNT     repetitions of each benchmark (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus=${PRDLINT_CORPUS:-../shared/corpus/keps}
count=${BENCH_COUNT:-5}
if [ ! -d "$corpus" ]; then
  echo "gobench: corpus $corpus not found (set PRDLINT_CORPUS): skipped" >&2
  exit 0
fi
PRDLINT_CORPUS=$(cd "$corpus" && pwd)
export PRDLINT_CORPUS

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "== Go benchmarks (count $count, corpus $PRDLINT_CORPUS)"
go test -run '^$' -bench 'File$' -benchmem -count "$count" ./lint/ ./cmd/prdlint/ | tee -a "$out" | grep '^Benchmark'
go test -run '^$' -bench 'Corpus' -benchtime 2x -benchmem -count "$count" ./lint/ ./cmd/prdlint/ | tee -a "$out" | grep '^Benchmark'

echo
echo "== medians (ns/op, MB/s) and ratio to the goldmark floor"
awk '
/^Benchmark/ {
  name = $1; sub(/-[0-9]+$/, "", name)
  n[name]++; ns[name, n[name]] = $3
  for (i = 4; i <= NF; i++) if ($(i+1) == "MB/s") mbs[name, n[name]] = $i
}
function median(key, m,    a, i, j, t) {
  for (i = 1; i <= m; i++) a[i] = ns[key, i] + 0
  for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return (m % 2) ? a[(m+1)/2] : (a[m/2] + a[m/2+1]) / 2
}
END {
  split("GoldmarkFile ParseFile LintFile GoldmarkCorpus ParseCorpus LintCorpus LintCorpusParallel", order, " ")
  for (k = 1; k <= 7; k++) {
    b = "Benchmark" order[k]
    if (!(b in n)) continue
    med[b] = median(b, n[b])
    floor = (order[k] ~ /File$/) ? "BenchmarkGoldmarkFile" : "BenchmarkGoldmarkCorpus"
    ratio = (floor in med && med[floor] > 0) ? sprintf("%.2fx floor", med[b] / med[floor]) : ""
    printf "%-28s %14.0f ns/op %9.2f ms %8s MB/s  %s\n", b, med[b], med[b] / 1e6, mbs[b, 1], ratio
  }
  print "(LintCorpusParallel walks and reads the files and uses every core, as the command does;"
  print " the others run on one goroutine over files already in memory.)"
}' "$out"
