#!/usr/bin/env bash
# A/B timing of two credlint binaries on the x4 corpus, runs interleaved so that both
# meet the same machine load (this shared machine's speed drifts by 10-20% over minutes):
#   bench/ab.sh OLD_BINARY NEW_BINARY [ROUNDS]
# prints the three fastest wall times of each for check (2 threads, 1 thread) and extract.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 rounds=${3:-5}
C=bench/corpus/x4
bench/corpus.sh >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$rounds"); do
  for b in old new; do
    bin=${!b}
    /usr/bin/time -o "$tmp/j2.$b" -a -f "%e" "$bin" check --isolated --format json "$C" >/dev/null 2>&1 || true
    /usr/bin/time -o "$tmp/j1.$b" -a -f "%e" "$bin" check --isolated --format json -j 1 "$C" >/dev/null 2>&1 || true
    /usr/bin/time -o "$tmp/ex.$b" -a -f "%e" "$bin" extract --isolated -j 1 "$C" >/dev/null 2>&1 || true
  done
done
best() { grep -v Command "$1" | sort -n | head -3 | tr '\n' ' '; }
for b in old new; do
  echo "$b: check 2 threads $(best "$tmp/j2.$b")| check 1 thread $(best "$tmp/j1.$b")| extract $(best "$tmp/ex.$b")"
done
