# Dicts indexed by ints in hot loops: lookups, stores, `in` and `get`, including keys that
# compare equal across types (True == 1 == 1.0), hash collisions (-1 and -2), big ints and
# keys that go missing mid-loop.


def histogram(values, nbins):
    counts = {}
    for b in range(nbins):
        counts[b] = 0
    for v in values:
        counts[v % nbins] += 1
    return counts


def squares(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    total = 0
    for i in range(n):
        total += d[i]
    return len(d), total


def membership(n):
    evens = {}
    for i in range(0, n, 2):
        evens[i] = True
    hits = 0
    for i in range(n):
        if i in evens:
            hits += 1
        if i not in evens:
            hits -= 2
    return hits


def with_get(n):
    d = {k: k * 3 for k in range(50)}
    total = 0
    for i in range(n):
        total += d.get(i % 60, -1)
    return total


def odd_keys(n):
    d = {-1: "minus one", -2: "minus two", 2**62: "big", -(2**63): "min", True: "true", 7.0: "seven"}
    out = []
    keys = [-1, -2, 2**62, -(2**63), 1, 7]
    for i in range(n):
        out.append(d[keys[i % len(keys)]])
    return out[:12], len(out)


def missing(n):
    d = {i: i for i in range(100)}
    total = 0
    misses = 0
    for i in range(n):
        try:
            total += d[i % 130]
        except KeyError as e:
            misses += 1
            last = e
    return total, misses, repr(last)


def shrinking(n):
    d = {i: str(i) for i in range(n)}
    seen = []
    for i in range(n):
        if i % 3 == 0 and i + 1 in d:
            del d[i + 1]
        if i in d:
            seen.append(d[i])
    return len(seen), seen[:8], len(d)


def value_types(n):
    d = {i: i for i in range(20)}
    total = 0
    for i in range(n):
        k = i % 20
        d[k] = d[k] + 0.5 if i > n // 2 else d[k] + 1
        total += d[k]
    return total


def mixed_keys(n):
    d = {"a": 1, 0: 2, 1: 3}
    total = 0
    for i in range(n):
        total += d[i % 2]
        total += d["a"]
    return total


def module_level():
    global table
    for i in range(3000):
        table[i % 17] = table.get(i % 17, 0) + i
    return sorted(table.items())[:5]


table = {k: 0 for k in range(17)}
print(sorted(histogram(list(range(5000)), 7).items()))
print(squares(4000))
print(membership(4000))
print(with_get(5000))
print(odd_keys(3000))
print(missing(3000))
print(shrinking(3000))
print(value_types(3000))
print(mixed_keys(3000))
print(module_level())

# Uncaught KeyError after the loop is hot.
d = {i: i for i in range(1000)}
s = 0
for i in range(2000):
    s += d[i]
print(s)
