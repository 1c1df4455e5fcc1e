# Appends in hot loops: lists that grow past their capacity many times, appends of floats and
# ints into lists of other kinds, and lists whose items are then read, replaced and freed.
import math


def grow_floats(n):
    out = []
    for i in range(n):
        out.append(i * 0.5)
    return out


xs = grow_floats(5000)
print(len(xs), xs[0], xs[1], xs[4095], xs[4096], xs[-1], sum(xs))


def grow_ints(n):
    out = [None]
    for i in range(n):
        out.append(i * 3)
    return out


ys = grow_ints(3000)
print(len(ys), ys[:4], ys[-2:], ys.count(None))


def mixed(n):
    out = ["start"]
    for i in range(n):
        out.append(i)
        out.append(math.sqrt(i))
    return out


zs = mixed(1500)
print(len(zs), zs[:5], zs[-2:], sum(z for z in zs if isinstance(z, int)))


def reuse(n):
    # The same list appended to across calls: a preallocated capacity, then growth.
    acc = []
    for r in range(4):
        for i in range(n):
            acc.append(float(r * n + i))
        acc.pop()
    return acc


rs = reuse(700)
print(len(rs), rs[698], rs[699], rs[-1])


def then_objects(n):
    # Floats appended in the loop, then an object: the list's items must still be freed right.
    out = []
    for i in range(n):
        out.append(i / 7)
    out.append([1, 2, 3])
    out.append("tail")
    return out


for k in range(3):
    ts = then_objects(1000 + k)
    print(len(ts), ts[-3], ts[-2], ts[-1])


def comprehension(n):
    return [e * math.sqrt(2 * e**2) for e in range(n)]


cs = comprehension(2000)
print(len(cs), cs[10], cs[-1])


def big_then_small(n):
    out = []
    for i in range(n):
        out.append(i * 2**40)
    return out


bs = big_then_small(1000)
print(len(bs), bs[3], bs[-1], type(bs[-1]).__name__)


def append_alias(n):
    a = []
    b = a
    for i in range(n):
        a.append(i)
        if len(b) % 500 == 0:
            b.append(-1.5)
    return len(a), a[-3:], a.count(-1.5)


print(append_alias(2200))
