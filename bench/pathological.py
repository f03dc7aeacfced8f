#!/usr/bin/env python3
"""Writes the pathological inputs of bench/pathological.sh into DIR at SIZE bytes each.

    bench/pathological.py DIR SIZE

Each input is a directory (one file, or 2,000 for the cross-file index) so that every
case runs as `credlint check DIR`. The text is generated here; nothing is copied from
any corpus.
"""
import random
import os
import sys


def fill(unit: str, size: int) -> str:
    """`unit` repeated up to `size` bytes (UTF-8), whole units only."""
    n = max(1, size // len(unit.encode()))
    return unit * n


def nested_parens(size: int) -> str:
    # 100k-deep nesting per block at 1 MB; blocks repeat to the size
    depth = 100_000 if size >= 1_000_000 else max(1, size // 10)
    block = "(" * depth + "word" + ")" * depth + "\n\n"
    return fill(block, size)


def surnames(size: int):
    """2,000 files of sentences naming people whose surnames are one edit apart: 20,000
    names at 1 MB, in proportion at other sizes."""
    stems = ["Kowalczyk", "Halvorsen", "Okonkwo", "Fitzgerald", "Marchetti", "Abernathy"]
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = []
    i = 0
    total = max(2_000, 20_000 * size // 1_000_000)
    while len(names) < total:
        stem = stems[i % len(stems)]
        pos = 1 + (i // len(stems)) % (len(stem) - 1)
        c = letters[(i // (len(stems) * len(stem))) % 26]
        names.append(stem[:pos] + c + stem[pos + 1 :])
        i += 1
    files = 2_000
    per = len(names) // files
    out = []
    for f in range(files):
        body = []
        for k in range(per):
            n = names[f * per + k]
            body.append(f"Anna {n} said the council met on Tuesday. {n} said it would vote.\n\n")
        text = "".join(body)
        out.append((f"f{f:04}.txt", text))
    return out


def shuffled_sentence(size: int, parts=("Ann Lee", "a teacher", "said", ",", "\u2014")) -> str:
    """One sentence of `parts` (by default names, unnamed descriptions, cues, commas and
    dashes) in a fixed pseudo-random order (seeded): many sources in one long sentence."""
    rng = random.Random(1)
    out, n = [], 0
    while n < size:
        p = rng.choice(parts)
        out.append(p)
        n += len(p.encode()) + 1
    return " ".join(out) + ".\n"


def cases(size: int):
    words = ["Minister", "Council", "Harbour", "Ledger", "Avenue", "Bridge", "Station"]
    para = " ".join(words[i % len(words)] for i in range(50_000)) + ".\n\n"
    return {
        "one-line": [("a.txt", fill("The mayor said the budget was balanced, and the council agreed. ", size))],
        "quotes-curly": [("a.txt", fill("\u201c", size))],
        "quotes-straight": [("a.txt", fill('"', size))],
        "quotes-alternating": [("a.txt", fill("\u201c\u201d\"", size))],
        "quotes-lines": [("a.txt", fill('"word\n', size))],
        "quotes-paragraphs": [("a.txt", fill('"It is fine," he said. "We agree." "No." "Yes."\n\n', size))],
        "parens": [("a.txt", nested_parens(size))],
        "capitalised": [("a.txt", fill(para, size))],
        "said": [("a.txt", fill("said ", size))],
        "according-to": [("a.txt", fill("according to ", size))],
        "unnamed-sources": [("a.txt", fill("An official said the plan was late. Sources say it will cost more.\n", size))],
        # one endless sentence of unnamed sources, some set off by dashes: a rule that
        # reads the sentence once per source is quadratic here
        "unnamed-one-sentence": [("a.txt", shuffled_sentence(size))],
        # outlets, unnamed sources and quotation marks in one sentence: every quotation
        # looks for its nearest cue, every outlet and description for earlier ones
        "sources-and-quotes": [("a.txt", shuffled_sentence(size, (
            "the newspaper", "said", ",", "reported", "according to", "the Times", "sources",
            "officials", "a spokesman", "said in a statement", "told", "\u201c", "\u201d")))],
        "markdown-quote": [("a.md", fill(">" * 1000 + " text\n", size))],
        "markdown-lists": [("a.md", fill("".join("  " * d + "- item\n" for d in range(500)) + "\n", size))],
        "backticks": [("a.txt", fill("`", size))],
        "backticks-pairs": [("a.txt", fill("``", size))],
        "markup-quotes": [("a.txt", fill('<a b="x" c="y">', size))],
        "html-tags": [("a.md", fill('<div class="x"><span>text</span></div>\n', size))],
        "markdown-headings": [("a.md", fill("# Heading words\n\nSome text here.\n\n", size))],
        "names": surnames(size),
        # one name never shortened, as institutions are named: asking per source whether
        # the name is styled so once walked every mention of it (quadratic)
        "institution-repeated": [("a.txt", fill("Judicial Watch said the ruling was a victory.\n\n", size))],
    }


def main():
    out, size = sys.argv[1], int(sys.argv[2])
    for name, files in cases(size).items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for fname, text in files:
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
