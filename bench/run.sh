#!/usr/bin/env bash
# The speed benchmark: credlint on real news (see bench/corpus.sh), dist profile (fat LTO).
#   bench/run.sh            # prints a Markdown table (paste into BENCHMARKS.md); the x4 rows
#                           # are best of 7, the others best of 3 (this machine is noisy)
set -euo pipefail
cd "$(dirname "$0")/.."
bench/corpus.sh >/dev/null
cargo build --profile dist -q
cargo build --profile dist -q --example bench_names
BIN=target/dist/credlint
C=bench/corpus
M="python3 bench/measure.py"
echo "machine: $(nproc) cores, $(grep 'model name' /proc/cpuinfo | head -1 | cut -d: -f2 | xargs), $(date -u +%F)"
echo
echo "| run | input | wall (best of 7 for x4, of 3 otherwise) | throughput | peak RSS |"
echo "|---|---|---|---|---|"
$M "check, all rules, 2 threads, x4" $C/x4 7 -- $BIN check --isolated --format json $C/x4
$M "check, all rules, 1 thread, x4" $C/x4 7 -- $BIN check --isolated --format json -j 1 $C/x4
$M "extract, 1 thread, x4" $C/x4 7 -- $BIN extract --isolated -j 1 $C/x4
$M "check, 2 threads, x1" $C/x1 3 -- $BIN check --isolated --format json $C/x1
$M "check, 2 threads, x2" $C/x2 3 -- $BIN check --isolated --format json $C/x2
$M "check, 1 thread, x1" $C/x1 3 -- $BIN check --isolated --format json -j 1 $C/x1
$M "check, 1 thread, x2" $C/x2 3 -- $BIN check --isolated --format json -j 1 $C/x2
# one long document: the whole x4 corpus in a single file (invalid UTF-8 dropped)
mkdir -p $C/one
[ -f $C/one/all.txt ] || find $C/x4 -name '*.txt' | sort | xargs cat | iconv -f utf-8 -t utf-8 -c > $C/one/all.txt
$M "check, 1 thread, one 20 MB file" $C/one 1 -- $BIN check --isolated --format json -j 1 $C/one/all.txt
echo
echo "name index (synthetic summaries: 100,000 documents, ~1,000,000 mentions):"
target/dist/examples/bench_names
