#!/usr/bin/env bash
# Compares what two builds of credlint print, byte for byte: an old git revision and the
# current tree, both built with the release profile, run on the seeds, PolNeAR's dev and
# train texts and the BBC corpus (bench/corpus.sh: base and x1), in every output format
# and `extract`. For changes that must not change behaviour (moves, refactors).
#
#   scripts/compare_output.sh REV            # e.g. main, or a commit
#   EVAL=../shared/eval SEEDS=../shared/seeds scripts/compare_output.sh REV
#   OLD_BIN=old/credlint NEW_BIN=new/credlint scripts/compare_output.sh LABEL   # no builds
#
# Prints one line per comparison and exits 1 when any output (or exit status) differs;
# the outputs are kept in target/compare-output/{old,new} for a closer look (under
# CARGO_TARGET_DIR when it is set).
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: scripts/compare_output.sh GIT-REVISION}
EVAL=${EVAL:-../shared/eval}
SEEDS=${SEEDS:-../shared/seeds}
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
WORK="$TARGET/compare-output"
# outside this tree: cargo would take the old package for a member of this workspace
OLD_TREE=$(mktemp -d)
trap 'rm -rf "$OLD_TREE"' EXIT

rm -rf "$WORK/old" "$WORK/new"
mkdir -p "$WORK/old" "$WORK/new"
# OLD_BIN / NEW_BIN: binaries already built (the revision is then only a label)
if [ -z "${OLD_BIN:-}" ]; then
  # the old revision: its files (git archive: no checkout to register), built in this
  # tree's target folder (the dependencies are shared), its binary copied out before the
  # current tree is built
  git -C "$(git rev-parse --show-toplevel)" archive "$REV" | tar -x -C "$OLD_TREE"
  CARGO_TARGET_DIR="$TARGET" cargo build --quiet --release --locked \
    --manifest-path "$OLD_TREE/Cargo.toml" --bin credlint
  OLD_BIN="$WORK/credlint-old"
  cp "$TARGET/release/credlint" "$OLD_BIN"
fi
if [ -z "${NEW_BIN:-}" ]; then
  CARGO_TARGET_DIR="$TARGET" cargo build --quiet --release --locked --bin credlint
  NEW_BIN="$TARGET/release/credlint"
fi

bash bench/corpus.sh >/dev/null
inputs=(seeds:"$SEEDS" dev:"$EVAL/polnear-dev/txt" train:"$EVAL/polnear-train/txt" bbc:bench/corpus/base x1:bench/corpus/x1)
for pair in "${inputs[@]}"; do
  [ -d "${pair#*:}" ] || { echo "missing input folder: ${pair#*:}" >&2; exit 2; }
done

status=0
for pair in "${inputs[@]}"; do
  name=${pair%%:*}
  dir=${pair#*:}
  runs=(
    "human:check --isolated --color never"
    "concise:check --isolated --format concise"
    "json:check --isolated --format json"
    "sarif:check --isolated --format sarif"
    "github:check --isolated --format github"
    "extract:extract --isolated"
  )
  for run in "${runs[@]}"; do
    what=${run%%:*}
    read -r -a args <<<"${run#*:}"
    for side in old new; do
      bin=$OLD_BIN
      [ "$side" = new ] && bin=$NEW_BIN
      # the exit status is part of the output (1: findings reach --fail-on)
      code=0
      "$bin" "${args[@]}" "$dir" >"$WORK/$side/$name.$what" 2>&1 || code=$?
      echo "exit status $code" >>"$WORK/$side/$name.$what"
    done
    if cmp -s "$WORK/old/$name.$what" "$WORK/new/$name.$what"; then
      echo "identical  $name $what ($(wc -c <"$WORK/new/$name.$what") bytes)"
    else
      echo "DIFFERENT  $name $what: diff $WORK/old/$name.$what $WORK/new/$name.$what"
      status=1
    fi
  done
done
exit $status
