# `d.get(i, default)` with int keys that are absent at first (and some throughout).


def count(n, mod):
    d = {}
    for i in range(n):
        k = (i * 7919) % mod
        d[k] = d.get(k, 0) + 1
    return len(d), d.get(0), d.get(mod - 1), d.get(mod + 5)


print(count(5000, 37))
print(count(5000, 4999))


def lookups(n):
    table = {i * 3: i for i in range(100)}
    hits = misses = 0
    for i in range(n):
        v = table.get(i)
        if v is None:
            misses += 1
        else:
            hits += v
    return hits, misses


print(lookups(1000))


def mixed_keys(n):
    d = {"a": 1, 2: 2, 3.0: 3}
    total = 0
    for i in range(n):
        total += d.get(i % 5, 10)
    return total


print(mixed_keys(600))
