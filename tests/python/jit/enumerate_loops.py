# Loops over enumerate(...) of lists and ranges: counts, start values, breaks, exits in
# the middle, items that change type, and an enumerate that is not unpacked.


def weighted(xs):
    s = 0.0
    for i, x in enumerate(xs):
        s += i * x
    return s


def firsts(xs, limit):
    for i, x in enumerate(xs, 10):
        if x > limit:
            return i, x
    return None


def over_range(n, start):
    t = 0
    for k, v in enumerate(range(3, n, 2), start):
        t += k * v - 1
    return t


xs = [i * 0.5 for i in range(3000)]
print(weighted(xs))
print(firsts(xs, 1200.0), firsts(xs, 1e9))
print(over_range(5000, 0), over_range(5000, -7), over_range(3, 0))

# A count past the inline int range partway, and one that starts big.
big = 2 ** 46 - 1000
acc = 0
for i, x in enumerate(range(2000), big):
    acc += i - big + x
print(acc)
acc = 0
for i, x in enumerate([1, 2, 3] * 500, 2 ** 70):
    acc += x
print(acc, i)

# Items that change type mid-loop; the list grows while it is iterated.
mixed = list(range(1000)) + [1.5] * 1000 + [2 ** 65] * 10 + list(range(1000))
tot = 0
for i, x in enumerate(mixed):
    tot += x * (i % 3)
print(tot)
grow = [1, 2, 3]
for i, x in enumerate(grow):
    if i < 2000:
        grow.append(x + i)
print(len(grow), sum(grow))

# break and continue, and the iterator used again after the loop.
e = enumerate(range(100000))
for i, x in e:
    if i % 7 == 3:
        continue
    if x > 5000:
        break
print(i, x, next(e))

# Not unpacked: the pairs themselves.
pairs = []
for p in enumerate("abc" * 700):
    if p[0] % 500 == 0:
        pairs.append(p)
print(pairs)

# Nested: an enumerate loop inside a range loop.
grid = [[r * 10 + c for c in range(30)] for r in range(30)]
tot = 0
for r in range(30):
    row = grid[r]
    for c, v in enumerate(row):
        tot += (r - c) * v
print(tot)

# Exception in the loop body, caught outside.
def scan(xs):
    out = 0
    for i, x in enumerate(xs):
        out += 100 // x
    return out


try:
    scan(list(range(3000, 0, -1)) + [0])
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)
scan([5] * 3000 + [0, 1])
