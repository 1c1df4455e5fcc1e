# Tiny-size copy of benchmarks/programs/fib_recursive.py (arguments in bench_fib_recursive.args).
# Recursive Fibonacci: call-heavy pure Python (seed: "Procuring Performance in Python", N=40).
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 32
print(fib(n))
