# Loops that mix traceable operations with ones the trace cannot hold (list append, string
# concatenation, % and //, calls, bools in locals, unary minus, attribute access).


def with_append(n):
    out = []
    s = 0
    for i in range(n):
        s += i
        out.append(s)
    return len(out), out[:5], out[-1]


print(with_append(1000))


def string_concat(n):
    t = ""
    c = 0
    for i in range(n):
        c = c + 1
        t = t + "ab"[c - (c // 2) * 2]
    return len(t), t[:10], c


print(string_concat(1000))


def mod_floordiv(n):
    a = 0
    b = 0
    for i in range(n):
        a += i % 7
        b += i // 3
        a -= (-i) % 5
        b += (-i) // 4
    return a, b


print(mod_floordiv(1000))


def float_mod_floordiv(n):
    a = 0.0
    for i in range(1, n):
        a = a + (i * 1.5) % 2.5 - (i * 0.7) // 3
    return a


print(float_mod_floordiv(1000))


def calls(n):
    s = 0
    for i in range(n):
        s = s + abs(i - 500) + len("xyz") + max(i, 10)
    return s


print(calls(1000))


def bool_locals(n):
    count = 0
    for i in range(n):
        flag = i > 500
        if flag:
            count += 1
        neg = not flag
        count = count + neg
    return count, flag, neg


print(bool_locals(1000))


def unary(n):
    s = 0
    f = 0.0
    for i in range(n):
        s = s + -i
        f = f - -(i * 0.5)
        s = +s
    return s, f


print(unary(1000))


class Box:
    def __init__(self):
        self.v = 0


def attrs(n):
    b = Box()
    for i in range(n):
        b.v = b.v + i
    return b.v


print(attrs(1000))


def pow_and_bits(n):
    s = 0
    for i in range(n):
        s = s + (i ** 2) - (i << 1) + (i >> 1) + (i & 3) + (i | 8) - (i ^ 5)
    return s


print(pow_and_bits(1000))


def partly_traceable(n):
    # the hot path is traceable; the rare path uses unsupported operations
    s = 0
    k = 0
    log = []
    for i in range(n):
        s = s + i * 2 - 1
        k += 1
        if k == 250:
            k = 0
            log.append(str(s) + "!")
            s = s % 100000
    return s, log


print(partly_traceable(1000))


def list_index_in_loop(n):
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    s = 0
    j = 0
    for i in range(n):
        s = s + data[j]
        j = j + 1
        if j == 8:
            j = 0
    return s


print(list_index_in_loop(1000))


def tuple_unpack_swap(n):
    a = 0
    b = 1
    for i in range(n):
        a, b = b, a + b
        if b > 1000000000:
            a = 0
            b = 1
    return a, b


print(tuple_unpack_swap(1000))


def comprehension_in_loop(n):
    s = 0
    for i in range(n):
        s += sum([j for j in range(i % 5)])
    return s


print(comprehension_in_loop(1000))


def fstring_every(n):
    out = ""
    x = 0.0
    for i in range(n):
        x = x + 0.1
        if i == 99 or i == 999:
            out = out + f"{x:.6f};"
    return out, x


print(fstring_every(1000))
