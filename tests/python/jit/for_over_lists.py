# `for x in some_list` loops: floats, ints, nested lists, items changing type mid-loop, the
# list mutated while it is iterated (stores, appends, deletes), and an empty list.


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def row_sums(rows):
    out = []
    for row in rows:
        t = 0.0
        for v in row:
            t += v
        out.append(t)
    return out


xs = list(range(3000))
print(total(xs))
fs = [i * 0.25 for i in range(3000)]
print(total(fs))
fs[2500] = 7                 # an int among floats
print(total(fs))
fs[2600] = "s"
try:
    total(fs)
except TypeError as e:
    print("TypeError", e)
print(total([]))

rows = [[float(i + j) for j in range(30)] for i in range(200)]
print(sum(row_sums(rows)))


def doubling(xs):
    n = 0
    for x in xs:
        if x < 0:
            break
        if n < 5000 and n % 3 == 0:
            xs.append(x + 1)     # grows while iterating
        n += 1
    return n, len(xs)


print(doubling(list(range(2000))))


def overwrite_ahead(xs):
    s = 0
    i = 0
    for x in xs:
        s += x
        if i + 1 < len(xs):
            xs[i + 1] = xs[i + 1] * 2
        i += 1
    return s


print(overwrite_ahead(list(range(1500))))


def shrinking(xs):
    seen = 0
    for x in xs:
        seen += 1
        if seen == 1000:
            del xs[1500:]
    return seen


print(shrinking(list(range(3000))))

acc = 0.0
for v in fs[:2000]:
    acc = acc * 0.5 + v
print(acc)
