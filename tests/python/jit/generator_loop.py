# Hot loops inside generators (between yields and around them).


def partial_sums(n, every):
    s = 0
    k = 0
    for i in range(n):
        s += i
        k += 1
        if k == every:
            k = 0
            yield s


print(list(partial_sums(10000, 1000)))
print(list(partial_sums(10, 3)))
print(list(partial_sums(0, 3)))


def inner_hot(rounds, n):
    base = 0.5
    for r in range(rounds):
        acc = base
        i = 0
        while i < n:
            acc = acc * 1.0001 + i
            i += 1
        yield r, acc
        base = base + 1


for item in inner_hot(4, 2000):
    print(item)


def resumed_midloop(n):
    # the loop is suspended at a yield and resumed; the hot part runs between yields
    total = 0
    for i in range(n):
        total = total + i * 3
        if i == 700 or i == 1400:
            got = yield total
            total = total + got
    yield total


g = resumed_midloop(2000)
print(next(g))
print(g.send(1))
print(g.send(100000))


def early_close(n):
    s = 0
    try:
        for i in range(n):
            s += i
            if i == 999:
                yield s
    finally:
        print("closing with", s)


g = early_close(100000)
print(next(g))
g.close()


def gen_raises(n):
    s = 0
    for i in range(n):
        s = s + i
        if i == 1234:
            raise ValueError(s)
        if i == 600:
            yield s


g = gen_raises(5000)
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError", e)


def consumer():
    total = 0.0
    for v in inner_hot(3, 500):
        total += v[1]
    return total


print(consumer())
print(sum(x for x in range(3000) if x > 2990))


def fib_gen(limit):
    a = 0
    b = 1
    while a < limit:
        yield a
        c = a + b
        a = b
        b = c


print(list(fib_gen(10 ** 20))[-3:], len(list(fib_gen(10 ** 20))))
