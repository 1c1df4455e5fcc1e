# Ints that leave the inline range (2**47) and the machine range (2**63) inside a hot loop.


def add_across(start, n, step):
    x = start
    out = []
    for i in range(n):
        x = x + step
        if i == 0 or i == n // 2 - 1 or i == n // 2 or i == n // 2 + 1 or i == n - 1:
            out.append((i, x, x - start))
    return out


B = 2 ** 47
print(add_across(B - 1000, 2000, 1))
print(add_across(-B + 1000, 2000, -1))
print(add_across(B - 5, 10, 1))
print(add_across(-B - 5, 10, 1))      # starts outside the range, enters it
print(add_across(2 ** 63 - 1000, 2000, 1))
print(add_across(-(2 ** 63) + 1000, 2000, -1))


def mul_grow(x, factor, n):
    out = []
    for i in range(n):
        x = x * factor
        out.append(x)
    return out[:3], out[-3:], len(out)


print(mul_grow(3, 3, 100))
print(mul_grow(-3, 3, 100))
print(mul_grow(1, -7, 60))
print(mul_grow(2, 2, 70))


def mul_loop_no_calls(n):
    x = 1
    i = 0
    while i < n:
        x = x * 5
        i += 1
    return x


print([mul_loop_no_calls(n) for n in (0, 1, 20, 21, 22, 27, 28, 40, 100)])


def square_loop(n):
    x = 2
    i = 0
    while i < n:
        x = x * x
        i += 1
    return x


print([square_loop(n) for n in (0, 1, 4, 5, 6, 7)])


def sub_loop(n):
    x = 0
    d = 2 ** 40
    i = 0
    while i < n:
        x = x - d
        i += 1
    return x


print([sub_loop(n) for n in (0, 127, 128, 129, 1000)])


def boundary_exact():
    # values exactly at the edges of the 48-bit inline range
    out = []
    x = 2 ** 47 - 3
    for i in range(6):
        x += 1
        out.append(x)
    y = -(2 ** 47) + 3
    for i in range(6):
        y -= 1
        out.append(y)
    z = 2 ** 47 - 1
    w = 0
    for i in range(4):
        w = z + i
        out.append(w)
    return out


print(boundary_exact())


def counter_past_range(n):
    # the for-range values themselves cross 2**47
    s = 0
    last = None
    for i in range(2 ** 47 - n, 2 ** 47 + n):
        s += 1
        last = i
    t = 0
    for j in range(-(2 ** 47) + n, -(2 ** 47) - n, -1):
        t += j - last
    return s, last, t


print(counter_past_range(500))


def bigint_then_small(n):
    x = 2 ** 80
    out = []
    for i in range(n):
        x = x - 2 ** 78
        if x < 0:
            x = 7
        x = x + 1
        out.append(x)
    return out[:6], out[-1]


print(bigint_then_small(1000))
