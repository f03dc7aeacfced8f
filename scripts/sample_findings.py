#!/usr/bin/env python3
"""A precision review anyone can rerun: sample findings per rule and print each in context.

Runs `credlint check --format json` over a directory, draws N findings per rule with a
fixed seed (the same directory, build and seed give the same sample), and prints each
finding with the paragraph it sits in, the underlined text marked with [[ ]], for a
reader to judge as fair, noisy or false (EVALUATION.md says how the verdicts were read).

    scripts/sample_findings.py DIR [-n 40] [--seed 19] [--rule ID]... [--credlint BIN]
    scripts/sample_findings.py DIR --counts        # findings per rule and per article only
    scripts/sample_findings.py DIR --pooled -n 40  # N findings drawn from all rules together

Only the Python standard library is used.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys


def run_credlint(binary, directory):
    """credlint's JSON findings over `directory` and the number of files read."""
    proc = subprocess.run(
        [binary, "check", directory, "--format", "json"],
        capture_output=True,
        text=True,
    )
    if not proc.stdout.strip():
        sys.exit(f"credlint failed on {directory}:\n{proc.stderr}")
    # files credlint could not read (not UTF-8, binary) are named on stderr and skipped
    for line in proc.stderr.splitlines():
        print(f"# skipped: {line}", file=sys.stderr)
    doc = json.loads(proc.stdout)
    return doc["diagnostics"], doc["summary"]["files"]


def paragraph(text, start, end):
    """The blank-line-delimited paragraph around byte span [start, end) of `text`."""
    para_start = text.rfind(b"\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find(b"\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    # a paragraph with no blank lines around it (one line per paragraph) stops at lines
    line_start = text.rfind(b"\n", 0, start) + 1
    line_end = text.find(b"\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if para_end - para_start > 1500:
        para_start, para_end = line_start, line_end
    return para_start, para_end


def context(path, span, limit=900):
    """The finding's paragraph with the span marked [[like this]], at most `limit` chars."""
    with open(path, "rb") as f:
        text = f.read()
    start, end = span["start"], span["end"]
    ps, pe = paragraph(text, start, end)
    marked = (
        text[ps:start].decode("utf-8", "replace")
        + "[["
        + text[start:end].decode("utf-8", "replace")
        + "]]"
        + text[end:pe].decode("utf-8", "replace")
    )
    marked = " ".join(marked.split())
    if len(marked) > limit:
        at = marked.find("[[")
        lo = max(0, at - limit // 2)
        marked = ("…" if lo else "") + marked[lo : lo + limit] + "…"
    # the end of the paragraph before: who spoke last, what introduced a quotation
    head = text[:ps].rstrip()
    prev = " ".join(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace").split())
    if prev:
        prev = prev if len(prev) <= 240 else "…" + prev[-240:]
        marked = f"(before: {prev})\n     {marked}"
    return marked


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory")
    ap.add_argument("-n", type=int, default=40, help="findings per rule (default 40)")
    ap.add_argument("--seed", type=int, default=19, help="random seed (default 19)")
    ap.add_argument("--rule", action="append", help="only these rules (repeatable)")
    ap.add_argument("--credlint", default=os.environ.get("CREDLINT", "credlint"))
    ap.add_argument("--counts", action="store_true", help="print counts only")
    ap.add_argument(
        "--pooled",
        action="store_true",
        help="draw N findings from all rules together (what a reader of a random sample sees)",
    )
    args = ap.parse_args()

    diags, files = run_credlint(args.credlint, args.directory)
    by_rule = collections.defaultdict(list)
    for d in diags:
        by_rule[d["rule"]].append(d)

    print(f"# {len(diags)} findings in {files} files ({len(diags) / max(files, 1):.2f} per file)")
    for rule in sorted(by_rule):
        print(f"#   {rule}: {len(by_rule[rule])}")
    if args.counts:
        return

    if args.pooled:
        print_sample("all rules", diags, f"{args.seed}:pooled", args.n, with_rule=True)
        return
    for rule in sorted(by_rule):
        if args.rule and rule not in args.rule:
            continue
        print_sample(rule, by_rule[rule], f"{args.seed}:{rule}", args.n, with_rule=False)


def print_sample(title, findings, seed, n, with_rule):
    """Draws `n` of `findings` with `seed` and prints each in context, in file order."""
    found = sorted(findings, key=lambda d: (d["path"], d["span"]["start"], d["rule"]))
    sample = random.Random(seed).sample(found, min(n, len(found)))
    sample.sort(key=lambda d: (d["path"], d["span"]["start"]))
    print(f"\n## {title}: {len(sample)} of {len(found)}\n")
    for i, d in enumerate(sample, 1):
        where = f"{os.path.basename(d['path'])}:{d['start']['line']}"
        tag = f"{d['rule']}, {d['severity']}" if with_rule else d["severity"]
        print(f"{i:>3}. {where} [{tag}] {d['message']}")
        print(f"     {context(d['path'], d['span'])}\n")

if __name__ == "__main__":
    main()
