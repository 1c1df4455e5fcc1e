# Tiny-size copy of benchmarks/programs/euler39.py (arguments in bench_euler39.args).
# Project Euler 39: perimeter p < N with the most right triangles (seed: N=1000).
import sys


def find_num_solutions(p):
    n = 0
    for a in range(1, p // 2):
        for b in range(a, p):
            c = p - a - b
            if c > 0:
                if a * a + b * b == c * c:
                    n = n + 1
    return n


N = int(sys.argv[1]) if len(sys.argv) > 1 else 700
nmax = 0
imax = 0
for i in range(1, N):
    nsols = find_num_solutions(i)
    if nsols > nmax:
        nmax = nsols
        imax = i
print("maximum p, number of solutions", imax, nmax)
