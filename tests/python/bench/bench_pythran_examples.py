# Tiny-size copy of benchmarks/programs/pythran_examples.py (arguments in bench_pythran_examples.args).
# The optimisation examples the seeds show (inlining, unrolling, constant propagation), run hot.
import sys


def f(x):
    y = 1 if x else 2
    return y == 3


def foo(a):
    return a + 1


def bar(b, c):
    return foo(b), foo(2 * c)


def unrolled():
    ret = 0
    for i in range(1, 3):
        for j in range(1, 4):
            ret += i * j
    return ret


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def consts():
    return [fib(i) for i in [1, 2, 8, 20]]


reps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
acc = 0
for k in range(reps):
    acc += f(k) + sum(bar(k, k)) + unrolled()
print(acc, consts())
