# Tiny-size copy of benchmarks/programs/fib_iterative.py (arguments in bench_fib_iterative.args).
# Iterative Fibonacci, repeated; big integers appear past fib(92).
import sys


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


reps = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
total = 0
for i in range(reps):
    total += fib(i % 90)
print(total, fib(300))
