# `**` with a float operand in hot loops: C's pow for a positive base, a square for `** 2`,
# and the interpreter for everything else (a negative base gives a complex, a zero base with
# a negative exponent and an overflow raise, NaN and infinities).
import math


def gauss(n):
    u = [0.0] * n
    for i in range(n):
        u[i] = math.exp(-(0.5 * (i - n / 2)) ** 2 / 1000)
    return sum(u)


print("gauss", gauss(2000))


def powers(n):
    t = 0.0
    for i in range(1, n):
        t += i ** 0.5 + (i / 7) ** 1.5 + 2 ** (i / 100) + (1.0 + i) ** -0.25
    return t


print("powers", powers(3000))


def mixed(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        out.append(x ** y)
    return out


xs = [1.5 + k % 7 for k in range(400)] + [-2.0, 0.0, float("inf"), float("nan"), 1.0, 4.0]
ys = [0.5 + k % 3 for k in range(400)] + [0.5, 2.0, -1.0, 2.0, float("nan"), float("-inf")]
r = mixed(xs, ys)
print("mixed", sum(r[:400]), r[400:])


def raises(n):
    v = 1.5
    try:
        for i in range(n):
            v = v ** 1.01 + 1.0
    except OverflowError as e:
        print("overflow", i, e)
    z = [2.0] * n
    z[n - 3] = 0.0
    s = 0.0
    try:
        for i in range(n):
            s += z[i] ** -1.0
    except ZeroDivisionError as e:
        print("zero", i, e, s)


raises(3000)


def squares(n):
    s = 0.0
    big = 0.0
    for i in range(n):
        s += (i * 0.25) ** 2
        big = (1e150 * (i + 1)) ** 2 if i < n - 1 else 0.0
    return s, big


print("squares", squares(500))
try:
    print(squares_over := [(1e200 * k) ** 2 for k in range(1, 300)][-1])
except OverflowError as e:
    print("square overflow", e)
