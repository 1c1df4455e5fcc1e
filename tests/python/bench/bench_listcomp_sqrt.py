# Tiny-size copy of benchmarks/programs/listcomp_sqrt.py (arguments in bench_listcomp_sqrt.args).
# List comprehension with math calls (seed: "Make your numerical Python code fly").
import sys
from math import sqrt

my_const = 10.0
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
total = 0.0
for _ in range(reps):
    result = [elem * sqrt(my_const * 2 * elem**2) for elem in range(n)]
    total += result[-1] + len(result)
print(f"{total:.3f}")
