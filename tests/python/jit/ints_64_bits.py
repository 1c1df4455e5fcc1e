# Trace ints are 64 bits wide: values between 2**47 and 2**63 stay unboxed in compiled
# loops (they are heap ints to the interpreter), overflow past 2**63 leaves the trace, and
# operations whose float or boxed forms depend on the size stay exact.


def fib_pairs(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def crossing(start, step, n):
    # Starts inline, crosses 2**47, may cross 2**63.
    x = start
    out = []
    for i in range(n):
        x += step
        if i % 7 == 0:
            out.append(x)
    return x, out[-3:]


def products(n):
    acc = 1
    for i in range(1, n):
        acc = acc * 3 + i
    return acc


def floordivs(xs, ys):
    r = 0
    for x in xs:
        for y in ys:
            r += x // y + x % y
    return r


def truedivs(xs):
    total = 0.0
    for x in xs:
        total += x / 3
        total += 7 / (x + 2)
    return total


def compares(xs, f):
    n = 0
    for x in xs:
        if x < f:
            n += 1
        if x == f:
            n += 10
    return n


def negate_all(xs):
    out = []
    for x in xs:
        out.append(-x)
    return out


def store_big(n):
    lst = [0] * n
    v = 2 ** 46
    for i in range(n):
        lst[i] = v
        v *= 2
    return lst


def sum_list(xs):
    s = 0
    for x in xs:
        s += x
    return s


big = 2 ** 62
print([fib_pairs(k) for k in (10, 67, 68, 69, 90, 92, 93, 94, 100)])
for _ in range(3):
    print(sum(fib_pairs(i % 100) for i in range(500)))
print(crossing(2 ** 47 - 20, 3, 40))
print(crossing(2 ** 63 - 300, 7, 60))
print(crossing(-(2 ** 63) + 300, -7, 60))
print(crossing(big, big // 3, 10))
print(products(45))
edges = [-(2 ** 63), -(2 ** 63) + 1, -(2 ** 47) - 1, -(2 ** 47), -7, -1, 1, 3, 2 ** 47, 2 ** 63 - 1]
print(floordivs(edges, [-1, 1, -3, 7, 2 ** 47, -(2 ** 63)]))
print(floordivs(edges, [-(2 ** 63), 2 ** 63 - 1, -1]))
print(truedivs([1, 3, 2 ** 53 - 1, 2 ** 53 + 1, 2 ** 60 + 3, -(2 ** 62) - 5, 12345]))
# Recorded with small ints first, then ints a float cannot hold exactly.
print(truedivs(list(range(1, 30)) + [2 ** 53 - 1, 2 ** 53 + 1, 2 ** 60 + 3, -(2 ** 62) - 5, 12345]))
print(compares([2 ** 53, 2 ** 53 + 1, 2 ** 53 - 1, 2 ** 60, -(2 ** 60), 5], float(2 ** 53)))
print(compares(list(range(30)) + [2 ** 53 + 1] * 20 + [2 ** 53 - 1, 2 ** 53], 9007199254740992.0))
print(compares(list(range(-30, 0)) + [-(2 ** 53) - 1, -(2 ** 53), -(2 ** 53) + 1], -9007199254740992.0))
print(negate_all([5, -(2 ** 47), 2 ** 47 - 1, 2 ** 62, -(2 ** 63) + 1, -(2 ** 63)]))
print(store_big(20)[-4:])
print(sum_list([2 ** 40] * 100), sum_list([2 ** 60] * 100), sum_list([2 ** 62, 2 ** 62, -(2 ** 62)] * 5))
mixed = [1, 2 ** 50, 3, 2 ** 62, 4, 2 ** 70, 5, -(2 ** 63), True, 6]
print(sum_list(mixed * 3))
