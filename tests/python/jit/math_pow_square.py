# math.pow(x, 2) in a compiled loop is x * x; overflow must still raise OverflowError,
# and infinities, NaNs and signed zeros must come out as math.pow gives them.
import math


def squares(xs):
    out = []
    for x in xs:
        out.append(math.pow(x, 2))
    return out


def squares_float_exp(xs):
    total = 0.0
    for x in xs:
        total += math.pow(x, 2.0)
    return total


def other_powers(xs):
    total = 0.0
    for x in xs:
        total += math.pow(x, 3) + math.pow(2, x) + math.pow(abs(x), 0.5)
    return total


def guarded(xs):
    out = []
    for x in xs:
        try:
            out.append(math.pow(x, 2))
        except OverflowError as e:
            out.append("overflow: " + str(e))
    return out


base = [0.5 * i - 3.0 for i in range(20)]
print(squares(base))
print(squares(base + [-0.0, 0.0, 1e-200, 1e154, -1e154, float("inf"), float("-inf")] + base))
print(math.isnan(squares([1.0] * 10 + [float("nan")])[-1]))
print(squares_float_exp(base * 3))
print(other_powers(base))
print(guarded(base + [1e200, 2.0, -1e300, 3.0]))
try:
    squares(base + [1e160])
except OverflowError as e:
    print("OverflowError:", e)
