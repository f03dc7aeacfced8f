#!/usr/bin/env python3
"""Does a learned tie-breaker earn its place? (issue 15: "a small linear model over
features of the grammar's candidates, kept only if it beats the rules on the measured half")

  scripts/tiebreaker.py EVAL_DIR SPLIT_DIR EXTRACT_JSONL

EVAL_DIR is ../shared/eval (its score.py decides what matches gold), SPLIT_DIR the output
of scripts/split.py, EXTRACT_JSONL `credlint extract --isolated EVAL_DIR/polnear-train/txt`.
Two logistic regressions (plain SGD with L2: a few thousand examples and a few hundred
sparse features need no library), each trained on the STUDY half only and scored on both:

1. keep or drop: is an extracted attribution one the gold has? Dropping low-probability
   attributions can only raise precision; the threshold is chosen on the study half.
2. anonymous or not, for attributions that match a labelled gold one, with the rules'
   answer as one more feature: can the model correct the rules' anonymity?

Features are what `credlint extract` reports (cue words, form, kind, anonymity, source
shape and place) and the words and marks around the cue. Prints one line per model and
half: the rules' figures, then the model's. Deterministic (fixed seed).
"""
import json
import math
import os
import random
import re
import sys
from collections import Counter


def features(text, conv, a):
    """Sparse binary features of one extracted attribution, as strings."""
    cs, ce = conv[a["cue"]["start"]], conv[a["cue"]["end"]]
    cue = text[cs:ce].lower()
    after = text[ce:ce + 40]
    nxt = after.split()[:1]
    nxt = re.sub(r"\W", "", nxt[0].lower()) if nxt else "$"
    line_start = text.rfind("\n", 0, cs) + 1
    line_end = text.find("\n", ce)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    before = text[max(0, cs - 3):cs].strip()
    f = [
        "bias",
        "cue=" + cue,
        "form=" + str(a.get("form")),
        "kind=" + str(a.get("kind")),
        "anon=" + str(a.get("anonymous")),
        "speech=" + str(a.get("speech")),
        "line_words=%d" % min(len(line.split()) // 5, 6),
        "line_unended=%d" % (not re.search(r"[.!?][\"”’]?\s*$", line)),
        "cue_capital=%d" % text[cs:cs + 1].isupper(),
        "early=%d" % (cs < 200),
        "prev=" + (before[-1:] if before else "^"),
        "next=" + nxt,
        "next_mark=" + (after.lstrip()[:1] if after.strip() else "$"),
        "cue+next=%s|%s" % (cue, nxt),
        "quote_in_line=%d" % any(q in line for q in "\"“”"),
    ]
    src = a.get("source")
    if not src:
        return f + ["no_source"]
    ss, se = conv[src["start"]], conv[src["end"]]
    words = text[ss:se].split()
    return f + [
        "source_words=%d" % min(len(words), 6),
        "source_after=%d" % (ss > cs),
        "source_head=" + (words[-1].lower().strip(",.") if words else ""),
        "source_capital=%d" % (words[0][:1].isupper() if words else 0),
        "form+source_after=%s%d" % (a.get("form"), ss > cs),
    ]


def matched(S, gold_doc, pred_doc):
    """score.py's one-to-one matching: yields (gold or None, prediction, features)."""
    text = gold_doc["text"]
    conv = S.byte_to_char(text)
    ignored = [tuple(x) for x in gold_doc.get("ignored_spans", [])]
    preds = []
    for a in pred_doc.get("attributions", []):
        cue = S.span(a["cue"], conv)
        if not any(i[0] <= cue[0] and cue[1] <= i[1] for i in ignored):
            preds.append((cue, S.span(a.get("source"), conv), a))
    hits = {}
    for ga in sorted(gold_doc["attributions"], key=lambda g: bool(g.get("optional"))):
        gcue = tuple(ga["cue"])
        gsrc = tuple(ga["source"]) if ga.get("source") else None
        for i, (pc, ps, _) in enumerate(preds):
            if i not in hits and (S.overlaps(pc, gcue)
                                  or (gsrc and S.overlaps(pc, gsrc) and S.overlaps(ps, gsrc))):
                hits[i] = ga
                break
    for i, (_, _, a) in enumerate(preds):
        yield hits.get(i), a, features(text, conv, a)


def train(data, l2=1e-3, epochs=20, rate=0.1):
    w = Counter()
    rng = random.Random(1)
    data = list(data)
    for _ in range(epochs):
        rng.shuffle(data)
        for f, y in data:
            p = prob(w, f)
            for x in f:
                w[x] -= rate * ((p - y) + l2 * w[x])
    return w


def prob(w, f):
    z = sum(w.get(x, 0.0) for x in f)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def keep_or_drop(S, halves, pred):
    """Model 1: rows of (half, label, P, R, F1) for the rules and the model."""
    rows = {}
    for name, gold in halves.items():
        required = sum(1 for d in gold.values() for g in d["attributions"] if not g.get("optional"))
        ex = [(g, f) for k, d in gold.items()
              for g, _, f in matched(S, d, pred.get(k, {}))
              if g is None or not g.get("optional")]
        rows[name] = (ex, required)
    w = train((f, 1.0 if g else 0.0) for g, f in rows["study"][0])

    def score(ex, required, th):
        tp = sum(1 for g, f in ex if g and prob(w, f) >= th)
        fp = sum(1 for g, f in ex if not g and prob(w, f) >= th)
        return prf(tp, fp, required - tp)

    th = max((t / 10 for t in range(1, 10)), key=lambda t: score(*rows["study"], t)[2])
    out = []
    for name, (ex, required) in rows.items():
        out.append((name, "rules", *score(ex, required, 0.0)))
        out.append((name, f"model (threshold {th:.1f})", *score(ex, required, th)))
    return out


def anonymity(S, halves, pred):
    """Model 2: anonymity of matched labelled attributions, rules vs model."""
    rows = {}
    for name, gold in halves.items():
        rows[name] = [(bool(g["anonymous"]), bool(a.get("anonymous")),
                       f + ["rules=%d" % bool(a.get("anonymous"))])
                      for k, d in gold.items()
                      for g, a, f in matched(S, d, pred.get(k, {}))
                      if g and not g.get("optional") and g.get("anonymous") is not None]
    w = train((f, 1.0 if gold else 0.0) for gold, _, f in rows["study"])

    def score(ex, guess):
        tp = sum(1 for g, r, f in ex if g and guess(r, f))
        fp = sum(1 for g, r, f in ex if not g and guess(r, f))
        fn = sum(1 for g, r, f in ex if g and not guess(r, f))
        return prf(tp, fp, fn)

    out = []
    for name, ex in rows.items():
        out.append((name, "rules", *score(ex, lambda r, f: r)))
        out.append((name, "model", *score(ex, lambda r, f: prob(w, f) >= 0.5)))
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    eval_dir, split_dir, extract = sys.argv[1:]
    sys.path.insert(0, eval_dir)
    import score as S  # noqa: E402 (the scorer lives with the data)

    pred = S.load(extract)
    load = lambda stem: {h: S.load(os.path.join(split_dir, f"{stem}_{h}.jsonl"))  # noqa: E731
                         for h in ("study", "measure")}
    print("## keep or drop an extracted attribution (all articles of each half)")
    for row in keep_or_drop(S, load("train"), pred):
        print("%-8s %-22s P %.3f R %.3f F1 %.3f" % row)
    print("## anonymity of matched attributions (hand-labelled articles of each half)")
    for row in anonymity(S, load("labelled"), pred):
        print("%-8s %-22s P %.3f R %.3f F1 %.3f" % row)


if __name__ == "__main__":
    main()
