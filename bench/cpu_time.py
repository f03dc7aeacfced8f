#!/usr/bin/env python3
"""CPU time (user + system) and wall time of `credlint check --isolated --color never ARGS`,
best of 7: a fairer measure than wall time on a shared machine.
    python3 bench/cpu_time.py target/release/credlint --format human bench/corpus/x1"""
import subprocess,sys,resource,time
b=sys.argv[1]; a=sys.argv[2:]
best=9e9; wall=9e9
for i in range(7):
    r0=resource.getrusage(resource.RUSAGE_CHILDREN); t=time.perf_counter()
    subprocess.run([b,'check','--isolated','--color','never']+a,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
    wall=min(wall,time.perf_counter()-t)
    r1=resource.getrusage(resource.RUSAGE_CHILDREN)
    best=min(best,(r1.ru_utime-r0.ru_utime)+(r1.ru_stime-r0.ru_stime))
print(b, ' '.join(a), 'cpu', round(best, 3), 'wall', round(wall, 3))
