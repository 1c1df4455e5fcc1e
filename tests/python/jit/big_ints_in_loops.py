# Big ints (past 64 bits) carried by hot loops: accumulators in globals and locals, results
# that fall back into 64 bits, int and big int operands in either order, and big ints that
# go where the JIT does not follow them.

T62 = 2**62
T65 = 2**65
total = 0
for i in range(3000):
    total += T62 + i
print("module sum", total)

grand = 10**30
for i in range(2000):
    grand = grand - i * 7
print("module sub", grand)


def local_sum(n):
    acc = 2**64
    for i in range(n):
        acc = acc + i
    return acc


print("local sum", local_sum(2500))


def powers(n):
    p = 3**45
    for i in range(n):
        p = p * 3
        if i % 50 == 0:
            p = p - 1
    return p % 1000000007, p.bit_length()


print("powers", powers(400))


def swapped(n):
    x = 2**70
    out = 0
    for i in range(n):
        x = i - x
        out += x % 13
    return x, out


print("swapped", swapped(1500))


def both_big(n):
    a = 2**80
    b = 3**60
    for i in range(n):
        a = a + b
        b = b + 1
    return a, b


print("both big", both_big(1200))


def back_to_small(n):
    # The accumulator crosses 2**63 downwards: results that fit 64 bits leave the trace.
    x = 2**63 + 600
    seen = []
    for i in range(n):
        x = x - 1
        if x < 2**63 + 3:
            seen.append(x)
    return x, len(seen), seen[:3], seen[-3:]


print("back to small", back_to_small(1200))


def chained(n):
    # A temporary big int feeding the next operation in the same statement.
    t = 5**40
    for i in range(n):
        t = t * 2 + i - 3
        t = t // 2
    return t


print("chained", chained(1000))


def escapes(n):
    # Big ints passed to a builtin, appended to a list, compared.
    x = T65
    keep = []
    big = 0
    for i in range(n):
        x = x + i
        if i % 400 == 0:
            keep.append(x)
        if i > 1000:
            big += 1
        if i == 1500:
            big += x > T65
    return len(keep), keep[-1], big, str(x)[-5:]


print("escapes", escapes(2000))


def type_change(n):
    # int -> big int -> float -> str.
    x = 1
    for i in range(n):
        if i < 100:
            x = x * 2
        elif i < 200:
            x = x + 1
        elif i == 200:
            x = float(x)
        elif i == 300:
            x = str(x)[:10]
    return x


print("type change", type_change(400))


def raises(n):
    x = 2**100
    try:
        for i in range(n):
            x = x + i
            if i == n - 5:
                x = x + None
    except TypeError as e:
        return "caught", x, str(e)
    return x


print("raises", raises(3000))


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


s = 0
for i in range(2000):
    s += fib(i % 95)
print("fib sum", s, fib(200))


def rebinder():
    global counter
    counter = counter + T64


T64 = 2**64
counter = 0
for i in range(1500):
    rebinder()
    counter += 1
print("rebound", counter)

big_keys = {}
acc = 2**66
for i in range(1000):
    acc = acc + 1
    if i % 250 == 0:
        big_keys[acc] = i
print("dict keys", sorted(big_keys.items())[:2], acc)


def overflow_into_big(n):
    x = T62
    step = 2**59
    hist = []
    for i in range(n):
        x = x + step
        if i % 10 == 0:
            hist.append(x.bit_length())
    return x, hist


print("overflow", overflow_into_big(100))

def twice_stored(n):
    # Two stores of new big ints to one variable in an iteration.
    p = 3**45
    q = 0
    for i in range(n):
        p = p * 3
        p = p - i
        q = q + 1
    return p.bit_length(), q


print("twice stored", twice_stored(300))


def kept_old(n):
    # The old value stays alive in another variable.
    p = 7**30
    for i in range(n):
        old = p
        p = p + old
        p = p - i
    return p.bit_length(), old.bit_length()


print("kept old", kept_old(200))


def in_attr(n):
    class Box:
        pass

    b = Box()
    b.v = 0
    x = T65
    for i in range(n):
        x = x + 3
        b.v = x
    return b.v


print("in attr", in_attr(1000))

acc = 2**70
for i in range(2000):
    acc -= i
print(acc)
del acc
try:
    for i in range(500):
        acc = acc + 1
except NameError as e:
    print("NameError", e)
x = 2**90
for i in range(3000):
    x = x * 1
    if i == 2998:
        raise ValueError(f"stop at {i} with {x}")
