#!/usr/bin/env bash
# The pathological bench: inputs built to make a linter slow (bench/pathological.py writes
# them into a temporary directory, never committed), at 1 MB and 8 MB, in every output
# format. Prints a Markdown table of wall time and peak RSS (/usr/bin/time) and the
# growth ratio 8 MB / 1 MB: about 8 is linear, 64 quadratic.
#   bench/pathological.sh              # every case, every format
#   CASES="quotes-curly names" FORMATS="json human" bench/pathological.sh
# A run is stopped after TIMEOUT seconds (default 120) and shown as "> TIMEOUT s".
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
BIN=$PWD/target/release/credlint
TIMEOUT=${TIMEOUT:-120}
FORMATS=${FORMATS:-"json human concise sarif github"}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 bench/pathological.py "$DIR/1" 1000000
python3 bench/pathological.py "$DIR/8" 8000000
CASES=${CASES:-$(ls "$DIR/1")}

# "seconds KB" of one run, output discarded (the exit status is 1: findings)
measure() {
    local out
    /usr/bin/time -o "$DIR/time" -f "%e %M" timeout "$TIMEOUT" "$BIN" check --isolated \
        --format "$1" "$2" >/dev/null 2>&1 || true
    out=$(tail -1 "$DIR/time")
    if [ "$(echo "$out" | cut -d' ' -f1 | cut -d. -f1)" -ge "$TIMEOUT" ]; then
        echo "timeout $(echo "$out" | cut -d' ' -f2)"
    else
        echo "$out"
    fi
}

echo "machine: $(nproc) cores, $(date -u +%F), release profile"
echo
echo "| case | format | 1 MB: s | 1 MB: peak MB | 8 MB: s | 8 MB: peak MB | time 8/1 | memory 8/1 |"
echo "|---|---|---|---|---|---|---|---|"
for c in $CASES; do
    for f in $FORMATS; do
        read -r t1 m1 <<<"$(measure "$f" "$DIR/1/$c")"
        read -r t8 m8 <<<"$(measure "$f" "$DIR/8/$c")"
        python3 - "$c" "$f" "$t1" "$m1" "$t8" "$m8" "$TIMEOUT" <<'PY'
import sys
c, f, t1, m1, t8, m8, limit = sys.argv[1:]
def t(x):
    return f"> {limit}" if x == "timeout" else x
def ratio(a, b):
    if "timeout" in (a, b):
        return "-"
    a, b = float(a), float(b)
    return f"{b / max(a, 0.01):.1f}"
print(f"| {c} | {f} | {t(t1)} | {int(m1) // 1024} | {t(t8)} | {int(m8) // 1024} | "
      f"{ratio(t1, t8)} | {int(m8) / max(int(m1), 1):.1f} |")
PY
    done
done
