#!/usr/bin/env python3
"""Deterministic split of the PolNeAR train gold into a STUDY half and a MEASURE half.

  scripts/split.py EVAL_DIR OUT_DIR

A document goes to the study half when the first byte of the SHA-256 of its file name
(the last path component) is even, to the measure half otherwise; the labelled subset is
split by the same rule, so a labelled article is in the same half as in the full set.
Writes OUT_DIR/{train,labelled}_{study,measure}.jsonl (gold files for score.py and
flags_score.py). Only the study half is read to find errors; the measure half is scored.
"""
import hashlib
import json
import os
import sys


def half(name):
    return "study" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "measure"


def split(src, out_dir, stem):
    outs = {h: open(os.path.join(out_dir, f"{stem}_{h}.jsonl"), "w", encoding="utf-8")
            for h in ("study", "measure")}
    counts = {"study": 0, "measure": 0}
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            h = half(os.path.basename(d.get("path") or d["id"]))
            outs[h].write(line if line.endswith("\n") else line + "\n")
            counts[h] += 1
    for o in outs.values():
        o.close()
    return counts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ev, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for stem, src in (("train", "polnear_train.jsonl"), ("labelled", "polnear_train_labelled.jsonl")):
        c = split(os.path.join(ev, src), out, stem)
        print(f"{stem}: study {c['study']}, measure {c['measure']}", file=sys.stderr)


if __name__ == "__main__":
    main()
