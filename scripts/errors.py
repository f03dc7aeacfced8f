#!/usr/bin/env python3
"""Lists credlint's extraction errors against a gold file, with the text around each,
for studying (use only the study half: scripts/split.py writes it).

  scripts/errors.py GOLD.jsonl PRED.jsonl [--kind missed|extra|source|anon|kindof|speaker]
                    [--cue WORD] [--limit N] [--width C]

Pairs predictions with gold cues as ../shared/eval/score.py does (a predicted cue that
overlaps a gold cue, one to one) and prints, per error, the document, the gold or
predicted source and cue, and C characters either side.

--kind speaker lists the gold quotations whose speaker is wrong as score.py judges it (a
gold speaker's surname, or else the gold source mention overlapped by the predicted
quote's source), with a class (none/wrong; whether some predicted attribution has the
gold source; the gold source before/after/inside the quote) and a count per class first.
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
    ap.add_argument("--kind", default="missed", choices=["missed", "extra", "source", "anon", "kindof", "speaker"])
    ap.add_argument("--cue", help="only errors whose cue text (lowercased) equals this")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--width", type=int, default=120)
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    if a.kind == "speaker":
        speaker_errors(gold, pred, a)
        return
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


def surname(name):
    words = (name or "").split()
    return words[-1].lower() if words else ""


def speaker_errors(gold, pred, a):
    """Wrong quote speakers, classed, counted, then listed with their context."""
    rows, counts = [], {}
    for key, g in sorted(gold.items()):
        text = g["text"]
        conv = b2c(text)
        p = pred.get(key, {"attributions": [], "quotes": []})
        span = lambda x: (conv[x["start"]], conv[x["end"]]) if x else None
        sources = [span(x.get("source")) for x in p["attributions"]]
        quotes = [(span(q), q.get("speaker"), span(q.get("source"))) for q in p.get("quotes", [])]
        for gq in g["quotes"]:
            want, gsrc = gq.get("speaker"), tuple(gq["source_span"]) if gq.get("source_span") else None
            if gq.get("optional") or not (want or gsrc):
                continue
            gs = tuple(gq["span"])
            hit = next((q for q in quotes if ov(q[0], gs)), None)
            got, got_src = (hit[1], hit[2]) if hit else (None, None)
            if want and got and surname(got) == surname(want) or not want and ov(got_src, gsrc):
                continue
            where = "?" if not gsrc else "before" if gsrc[1] <= gs[0] else "after" if gsrc[0] >= gs[1] else "inside"
            have = "att" if any(ov(s, gsrc) for s in sources) else "noatt"
            cls = f"{'wrong' if got_src else 'none'}/{have}/{where}"
            counts[cls] = counts.get(cls, 0) + 1
            rows.append((cls, key, gq, gsrc, got, got_src, text))
    for cls, n in sorted(counts.items(), key=lambda x: -x[1]):
        print(f"{n:5} {cls}")
    print()
    for cls, key, gq, gsrc, got, got_src, text in rows[: a.limit]:
        lo = min([gq["span"][0]] + [x[0] for x in (gsrc, got_src) if x]) - a.width
        hi = max([gq["span"][1]] + [x[1] for x in (gsrc, got_src) if x]) + a.width
        got_text = text[got_src[0]:got_src[1]] if got_src else None
        print(f"{key}: {cls} gold {gq.get('speaker') or gq.get('speaker_text')!r} got {got!r} ({got_text!r})")
        print(f"    {' '.join(text[max(0, lo):hi].split())}\n")


if __name__ == "__main__":
    main()
