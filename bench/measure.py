#!/usr/bin/env python3
"""Runs a command N times; prints the best wall time, MB/s over the input and peak RSS.

  measure.py LABEL INPUT_DIR N -- COMMAND...
"""
import os, resource, subprocess, sys, time

label, inp, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = sys.argv[sys.argv.index("--") + 1:]
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(inp) for f in fs if f.endswith(".txt"))
best, rss = None, 0
for _ in range(n):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t
    if p.returncode not in (0, 1, 2):
        sys.exit(f"{label}: exit {p.returncode}")
    best = dt if best is None else min(best, dt)
# ru_maxrss of children is the largest of any child so far (KiB on Linux)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"| {label} | {size / 1e6:.1f} MB | {best:.3f} s | {size / 1e6 / best:.1f} MB/s | {rss:.0f} MB |")
