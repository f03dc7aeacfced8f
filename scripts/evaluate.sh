#!/usr/bin/env bash
# Scores credlint on the evaluation data in ../shared/eval (never copied into this repo):
# attribution extraction on the seeds and on PolNeAR dev, and the name benchmark.
#   scripts/evaluate.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
SEEDS=${SEEDS:-../shared/seeds}
[ -d "$EVAL" ] || { echo "no evaluation data at $EVAL" >&2; exit 2; }
cargo build --release -q
BIN=$PWD/target/release/credlint
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "## seeds (extraction)"
"$BIN" extract --isolated "$SEEDS" > "$OUT/seeds.jsonl"
python3 "$EVAL/score.py" "$EVAL/seeds.gold.jsonl" "$OUT/seeds.jsonl" "$@"
echo
echo "## PolNeAR dev (extraction)"
"$BIN" extract --isolated "$EVAL/polnear-dev/txt" > "$OUT/polnear.jsonl"
python3 "$EVAL/score.py" "$EVAL/polnear_dev.jsonl" "$OUT/polnear.jsonl" "$@"
echo
echo "## names benchmark"
(cd "$EVAL/names" && python3 ../names_bench.py score . --credlint "$BIN" "$@")
