# float accumulation, mixed int/float arithmetic, true division.


def harmonic(n):
    h = 0.0
    for k in range(1, n + 1):
        h += 1 / k
    return h


def harmonic_float_div(n):
    h = 0.0
    k = 1.0
    while k <= n:
        h = h + 1.0 / k
        k = k + 1.0
    return h


def mixed(n):
    x = 0.5
    i = 0
    out = []
    while i < n:
        x = x * 1.0001 + i - 0.25 * i
        i += 1
        if i == 1 or i == 10 or i == 100 or i == n:
            out.append(x)
    return out


def int_true_div(n):
    acc = 0.0
    for i in range(1, n):
        acc = acc + i / 7 - (i * 3) / (i + 1)
    return acc


def big_ints_true_div(n):
    acc = 0.0
    base = 2 ** 46 + 12345
    for i in range(1, n):
        acc = acc + (base - i) / (i * 1000 + 1)
    return acc


def halve_until_zero(x):
    # `while x:` on a float: runs until the value underflows to 0.0
    steps = 0
    while x:
        x = x / 2
        steps += 1
    return steps, x


def float_counter():
    t = 0.0
    c = 0
    while t < 1.0:
        t += 0.1
        c += 1
    return c, t


def float_sub_mul(n):
    a = 1.0
    b = -2.5
    for i in range(n):
        a = a - b * 0.001
        b = b * 0.999 + a * 0.0001
    return a, b


def newton_sqrt(v):
    x = v
    it = 0
    while it < 60:
        nx = 0.5 * (x + v / x)
        if nx == x:
            break
        x = nx
        it += 1
    return x, it


for n in (0, 1, 2, 1000):
    print("harmonic", n, harmonic(n), harmonic_float_div(n))
print("mixed", mixed(1000))
print("int_true_div", int_true_div(1000))
print("big_ints_true_div", big_ints_true_div(1000))
print("halve", halve_until_zero(1.0), halve_until_zero(-3.0), halve_until_zero(1e300), halve_until_zero(0.0))
print("float_counter", float_counter())
print("float_sub_mul", float_sub_mul(1000))
print("newton", [newton_sqrt(v) for v in (2.0, 10.0, 1e10, 0.5)])
print(7 / 2, -7 / 2, 1 / 3, 2 ** 46 / 3)
