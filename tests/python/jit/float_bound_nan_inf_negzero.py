# Counters compared to float bounds; NaN, inf and -0.0 flowing through float loops.

INF = float("inf")
NAN = float("nan")


def count_to_float(bound):
    i = 0
    while i < bound:
        i += 1
    return i


print([count_to_float(b) for b in (-1.5, 0.0, 0.5, 1.0, 10.5, 999.999, 1000.0, 1000.0000001)])


def count_le_float(bound):
    i = 0
    c = 0
    while i <= bound:
        i += 3
        c += 1
    return i, c


print([count_le_float(b) for b in (-0.0, 0.0, 2.9999, 3.0, 3000.5)])


def for_with_float_compare(n, cut):
    below = 0
    above = 0
    for i in range(n):
        if i < cut:
            below += 1
        elif i == cut:
            above += 1000
        else:
            above += 1
    return below, above


print([for_with_float_compare(1000, c) for c in (-0.5, 0.0, -0.0, 499.5, 500.0, 1e9, INF, -INF, NAN)])


def nan_loop(n):
    x = 0.0
    lt = gt = eq = ne = 0
    for i in range(n):
        if i == 300:
            x = NAN
        if x < 1.0:
            lt += 1
        if x > 1.0:
            gt += 1
        if x == x:
            eq += 1
        if x != x:
            ne += 1
        x = x + 0.001
    return lt, gt, eq, ne, x != x


print(nan_loop(1000))


def nan_not_compare(n):
    # `not (x < y)` differs from `x >= y` once NaN appears
    a = 0
    b = 0
    x = 0.5
    for i in range(n):
        if i == 500:
            x = INF - INF
        if not (x < 0.75):
            a += 1
        if x >= 0.75:
            b += 1
    return a, b


print(nan_not_compare(1000))


def while_nan_bound(bound):
    i = 0
    while i < bound:
        i += 1
        if i > 5000:
            break
    return i


print(while_nan_bound(NAN), while_nan_bound(-INF), while_nan_bound(INF))


def grow_to_inf(x, factor):
    inf = INF
    steps = 0
    while x < inf:
        x = x * factor
        steps += 1
    return steps, x


print(grow_to_inf(1.0, 10.0), grow_to_inf(1e300, 1.5), grow_to_inf(5e-324, 2.0))


def inf_arith(n):
    x = 1.0
    out = []
    for i in range(n):
        x = x * 1e10
        y = x - x
        z = x * 0.0
        if i == 30 or i == 31 or i == n - 1:
            out.append((x, y, z, y != y, x == INF))
    return out


print(inf_arith(40))


def neg_zero(n):
    z = -0.0
    count_true = 0
    count_eq = 0
    for i in range(n):
        if z:
            count_true += 1
        if z == 0.0:
            count_eq += 1
        z = z * 1.0
    return z, count_true, count_eq, str(z)


print(neg_zero(1000))


def neg_zero_accumulate(n):
    s = -0.0
    for i in range(n):
        s = s + -0.0
    t = 0.0
    for i in range(n):
        t = t - 0.0
    u = -0.0
    for i in range(n):
        u = u * 5.0
    return s, t, u


print(neg_zero_accumulate(0), neg_zero_accumulate(1), neg_zero_accumulate(1000))


def neg_zero_compare(n):
    lo = 0
    eq = 0
    half = n // 2
    for i in range(n):
        x = -0.0 if i < half else 0.0
        if x < 0.0:
            lo += 1
        if x == -0.0:
            eq += 1
    return lo, eq


print(neg_zero_compare(1000))


def inf_bound_float_counter(n):
    x = 0.0
    c = 0
    while x != 1000.0:
        x = x + 0.5
        c += 1
        if c > n:
            break
    return x, c


print(inf_bound_float_counter(10000))


def truth_of_nan_inf(n):
    nan = NAN
    inf = INF
    t = 0
    for i in range(n):
        v = nan if i < 3 else (inf if i < 6 else -0.0)
        if v:
            t += 1
    return t


print(truth_of_nan_inf(1000))


def nan_as_phi(n, nan, inf):
    x = nan
    for i in range(n):
        x = x + 1.0
    y = -inf
    for i in range(n):
        y = y * 2.0
    return str(x), y


print(nan_as_phi(1000, NAN, INF), nan_as_phi(2, NAN, INF))


def nan_made_in_loop(n):
    # NaN produced by the loop's own arithmetic (inf - inf, 0 * inf) and carried on
    x = 1.0
    acc = 0.0
    prod = 1.0
    for i in range(n):
        x = x * 1e10
        acc = acc + (x - x)
        prod = prod * 0.5 * x + 1.0
    return acc, x, prod, acc != acc, acc == acc


print(nan_made_in_loop(20), nan_made_in_loop(40), nan_made_in_loop(1000))


def signed_zero_identities(n, z):
    # x + 0.0 is not x when x is -0.0; x * 0.0 keeps the sign of x
    a = z
    b = z
    c = z
    d = z
    e = 1.0
    f = 1.0
    for i in range(n):
        a = a + 0.0
        b = b - 0.0
        c = 0.0 + c * 1.0
        d = -0.0 + d
        e = -2.0 * 0.0
        f = 0.0 - 0.0
    return a, b, c, d, e, f


print(signed_zero_identities(100, -0.0), signed_zero_identities(100, 0.0), signed_zero_identities(1, -0.0))


def zero_constants(n):
    a = 1.0
    b = 1.0
    c = 1
    for i in range(n):
        a = 0.0
        b = -0.0
        c = 0
    return a, b, c, str(a), str(b)


print(zero_constants(10))


def mixed_int_neg_zero(n):
    x = -0.0
    for i in range(n):
        x = x * 1 + 0 * x
    return x, 0 * -1.0, -1 * 0.0


print(mixed_int_neg_zero(100))
