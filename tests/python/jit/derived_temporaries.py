# Temporaries a range loop computes from its variable (`c = p - b`, `sq = b * b`, floats from
# ints) are not carried by the compiled loop: an exit recomputes the previous iteration's
# value. After every way out of the loop they must hold what CPython leaves in them.


def last_values(p, n):
    c = sq = x = -1
    for b in range(n):
        c = p - b
        sq = b * b + c
        x = b * 0.5 - p
    return c, sq, x


def broken(p, n, stop):
    c = None
    for b in range(3, n):
        if b == stop:
            break
        c = p - 2 * b
    return b, c


def type_change(items):
    # The loop variable stays an int; `t` changes type through the list it reads.
    t = 0
    for i in range(len(items)):
        t = items[i] + i
    return t


def raised(n):
    c = 0
    try:
        for b in range(n):
            c = 100 - b
            if b == n - 2:
                raise ValueError(c)
    except ValueError as e:
        return c, e.args
    return c, None


def stepped(n):
    d = 0
    for b in range(n, 0, -3):
        d = b * 7 - 1
    e = 0
    for b in range(0, n, 5):
        e = b - n
    return d, e


for n in [0, 1, 2, 5, 40]:
    print(n, last_values(1000, n), last_values(2**62, n), stepped(n))
for stop in [3, 4, 10, 39, 100]:
    print(stop, broken(50, 40, stop))
print(type_change([1] * 30 + [2.5] * 5 + [10**30] * 3))
for n in [2, 3, 50]:
    print(raised(n))
for rep in range(30):
    last_values(rep, rep)
    broken(rep, rep + 5, rep % 7 + 3)
print(last_values(7, 30), broken(7, 30, 12))
