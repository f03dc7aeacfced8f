#!/usr/bin/env bash
# Scores credlint on the evaluation data in ../shared/eval (never copied into this repo):
# attribution extraction on the seeds, on PolNeAR dev and on PolNeAR train (split by
# scripts/split.py into a study half and a measure half, the hand-labelled subset split
# the same way), the anonymity findings against the labelled subset, and the name
# benchmark.
#   scripts/evaluate.sh [--verbose]
# Only the study half is read for errors; the measure half is only scored.
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
python3 scripts/split.py "$EVAL" "$OUT/split"
echo "## PolNeAR train (extraction)"
"$BIN" extract --isolated "$EVAL/polnear-train/txt" > "$OUT/train.jsonl"
"$BIN" check --isolated --format json "$EVAL/polnear-train/txt" > "$OUT/train-check.json" || true
for half in study measure; do
  echo "### $half half (all articles)"
  python3 "$EVAL/score.py" "$OUT/split/train_$half.jsonl" "$OUT/train.jsonl" "$@"
  echo "### $half half (hand-labelled articles)"
  python3 "$EVAL/score.py" "$OUT/split/labelled_$half.jsonl" "$OUT/train.jsonl" "$@"
  echo "### $half half: anonymous-source + agentless-attribution findings vs labelled anonymous attributions"
  python3 "$EVAL/flags_score.py" "$OUT/split/labelled_$half.jsonl" "$OUT/train-check.json"
done
echo
echo "## names benchmark"
(cd "$EVAL/names" && python3 ../names_bench.py score . --credlint "$BIN" "$@")
