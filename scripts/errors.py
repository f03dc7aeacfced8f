#!/usr/bin/env python3
"""Lists credlint's extraction errors against a gold file, with the text around each,
for studying (use only the study half: scripts/split.py writes it).

  scripts/errors.py GOLD.jsonl PRED.jsonl [--kind missed|extra|source|anon] [--cue WORD]
                    [--limit N] [--width C]

Pairs predictions with gold cues as ../shared/eval/score.py does (a predicted cue that
overlaps a gold cue, one to one) and prints, per error, the document, the gold or
predicted source and cue, and C characters either side.
"""
import argparse
import json
import os


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[os.path.basename(d.get("path") or d.get("id") or "")] = d
    return out


def b2c(text):
    t, b = {}, 0
    for i, ch in enumerate(text):
        t[b] = i
        b += len(ch.encode("utf-8"))
    t[b] = len(text)
    return t


def ov(a, b):
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--kind", default="missed", choices=["missed", "extra", "source", "anon", "kindof"])
    ap.add_argument("--cue", help="only errors whose cue text (lowercased) equals this")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--width", type=int, default=120)
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    shown = 0
    for key, g in sorted(gold.items()):
        text = g["text"]
        conv = b2c(text)
        p = pred.get(key, {"attributions": []})
        patts = []
        for x in p["attributions"]:
            cue = (conv[x["cue"]["start"]], conv[x["cue"]["end"]])
            src = (conv[x["source"]["start"]], conv[x["source"]["end"]]) if x.get("source") else None
            patts.append((cue, src, x))
        used = set()
        rows = []
        for ga in sorted(g["attributions"], key=lambda x: bool(x.get("optional"))):
            gcue = tuple(ga["cue"])
            gsrc = tuple(ga["source"]) if ga.get("source") else None
            hit = None
            for i, (pc, ps, _) in enumerate(patts):
                if i not in used and (ov(pc, gcue) or (gsrc and ov(pc, gsrc) and ov(ps, gsrc))):
                    hit = i
                    break
            if ga.get("optional"):
                if hit is not None:
                    used.add(hit)
                continue
            if hit is None:
                rows.append(("missed", gcue, f"gold {ga.get('source_text')!r} / {ga['cue_text']!r} anon={ga.get('anonymous')}"))
                continue
            used.add(hit)
            pc, ps, pa = patts[hit]
            got = text[ps[0]:ps[1]] if ps else None
            if gsrc and ps != gsrc:
                rows.append(("source", gcue, f"gold {ga.get('source_text')!r} got {got!r} / {ga['cue_text']!r}"))
            if ga.get("anonymous") is not None and bool(ga["anonymous"]) != bool(pa.get("anonymous")):
                rows.append(("anon", gcue, f"gold anon={ga['anonymous']} kind={ga.get('kind')} got {got!r} {pa.get('kind')} / {ga['cue_text']!r}"))
            if ga.get("kind") is not None and ga.get("kind") != pa.get("kind"):
                rows.append(("kindof", gcue, f"gold {ga.get('kind')} got {pa.get('kind')} {got!r} / {ga['cue_text']!r}"))
        for i, (pc, ps, pa) in enumerate(patts):
            if i not in used:
                got = text[ps[0]:ps[1]] if ps else None
                rows.append(("extra", pc, f"pred {got!r} / {text[pc[0]:pc[1]]!r} {pa.get('kind')} anon={pa.get('anonymous')}"))
        for kind, cue, msg in rows:
            if kind != a.kind:
                continue
            if a.cue and text[cue[0]:cue[1]].lower() != a.cue.lower():
                continue
            ctx = text[max(0, cue[0] - a.width):cue[0]] + "[[" + text[cue[0]:cue[1]] + "]]" + text[cue[1]:cue[1] + a.width]
            print(f"{key}: {msg}\n    {' '.join(ctx.split())}\n")
            shown += 1
            if shown >= a.limit:
                return


if __name__ == "__main__":
    main()
