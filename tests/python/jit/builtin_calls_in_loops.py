# Builtin and math calls inside hot loops: results must match exactly, errors raised by a
# call (math domain errors, overflow) come out of the loop as in the interpreter, and
# rebinding a module attribute or a global function mid-run is seen.
import math
from math import sqrt


def norms(xs):
    out = []
    for x in xs:
        out.append(x)
    s = 0.0
    for i in range(len(out)):
        s += sqrt(out[i]) + math.exp(-out[i] / 100.0) + abs(out[i] - 50.0) + math.pow(out[i], 0.5)
    return s


xs = [float(i) for i in range(2000)]
print(norms(xs))
print(norms([0.0, -0.0, 1e-300, 1e300] * 200))

ys = [float(i) for i in range(1500)]
ys[1200] = -1.0
try:
    norms(ys)
except ValueError as e:
    print("ValueError", e)

zs = [float(i) for i in range(1500)]
zs[1400] = 1e6
try:
    norms(zs)
except OverflowError as e:
    print("OverflowError", e)


def squares(n):
    return [e * sqrt(2.0 * e ** 2) for e in range(n)]


print(sum(squares(3000)))
big = squares(10)
print(big)


def lengths(rows):
    t = 0
    for i in range(len(rows)):
        t += len(rows[i]) * i
    return t


rows = [[0.0] * (i % 7) for i in range(3000)]
print(lengths(rows))

old_sqrt = math.sqrt


def with_math(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i)
    return t


print(with_math(2000))
math.sqrt = lambda x: -1.0           # a module attribute rebound: the trace must notice
print(with_math(2000))
math.sqrt = old_sqrt
print(with_math(2000))

sqrt = math.cos                      # a global rebound to another builtin
print(sum(squares(500)))


def appends(n):
    acc = []
    for i in range(n):
        acc.append(i * 2)
        if len(acc) > 1000:
            acc = [acc[-1]]
    return len(acc), acc[0], acc[-1]


print(appends(5000))
