# Int // and % in hot loops: negative operands and divisors, results at the edge of the
# inline range, and divisors that reach zero.


def floordiv_mod(n, d):
    q = 0
    r = 0
    qs = 0
    rs = 0
    for i in range(n):
        x = i - 500
        q = x // d
        r = x % d
        qs = qs + q
        rs = rs + r
    return q, r, qs, rs


for d in (1, 2, 3, 7, -1, -2, -3, -7, 1000, -1000, 100000):
    print(d, floordiv_mod(1000, d))


def varying_divisor(n):
    acc = 0
    d = -n
    for i in range(n * 2):
        if d != 0:
            acc = acc + (i * 37 - 1000) // d - (i * 13 + 5) % d
        d = d + 1
    return acc, d


print(varying_divisor(500))


def digit_sum(x):
    s = 0
    while x > 0:
        s = s + x % 10
        x = x // 10
    return s


print([digit_sum(v) for v in (0, 7, 99, 12345, 2 ** 46 + 11, 2 ** 47 - 1, 2 ** 47, 2 ** 63 + 5, 10 ** 30 - 1)])


def gcd_loop(a, b):
    steps = 0
    while b != 0:
        t = a % b
        a = b
        b = t
        steps += 1
    return a, steps


print([gcd_loop(a, b) for a, b in ((12, 18), (17, 5), (-12, 18), (12, -18), (-12, -18),
                                    (2 ** 46, 6 ** 17), (832040, 514229), (0, 5), (5, 0))])


def edge_floordiv(n, x, d):
    out = 0
    for i in range(n):
        out = x // d
        x = x + 0
    return out


B = 2 ** 47
print(edge_floordiv(100, -B, -1), edge_floordiv(100, -B, 1), edge_floordiv(100, B - 1, -1))
print(edge_floordiv(100, -B, 2), edge_floordiv(100, B - 1, 2), edge_floordiv(100, -B + 1, -1))


def mod_to_zero(n, start):
    s = 0
    d = start
    try:
        for i in range(n):
            s = s + 1000 % d
            d = d - 1
    except ZeroDivisionError as e:
        return "zde", str(e), i, s, d
    return s, d


print(mod_to_zero(1000, 600), mod_to_zero(1000, -5), mod_to_zero(10, 5000))


def floordiv_to_zero(n, start):
    s = 0
    d = start
    try:
        for i in range(n):
            s = s + 1000 // d
            d = d - 1
    except ZeroDivisionError as e:
        return "zde", str(e), i, s, d
    return s, d


print(floordiv_to_zero(1000, 600), floordiv_to_zero(1000, 1), floordiv_to_zero(10, 5000))


def mixed_float_mod(n):
    # int // float and float % int switch to float arithmetic
    a = 0.0
    b = 0
    for i in range(1, n):
        b = b + i % 9
        if i > n - 5:
            a = a + i // 2.5 + (i * 0.5) % 3
    return a, b


print(mixed_float_mod(1000))


def mod_type_change(n):
    x = 10
    out = []
    for i in range(n):
        x = x % 97 + i
        if i == 500:
            x = x + 0.5
        if i == 499 or i == 500 or i == 501 or i == n - 1:
            out.append(x)
    return out


print(mod_type_change(1000))


def floordiv_overflow_in_trace(n, d):
    # x walks down to -2**47; x // -1 leaves the inline range on the last step
    x = -(2 ** 47) + n
    q = 0
    m = 0
    out = []
    for i in range(n + 3):
        q = x // d
        m = x % d
        if i >= n - 2:
            out.append((x, q, m))
        x = x - 1
    return out


print(floordiv_overflow_in_trace(1000, -1))
print(floordiv_overflow_in_trace(1000, 1))
print(floordiv_overflow_in_trace(1000, -3))
