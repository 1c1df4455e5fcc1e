# Type guards on built-in kinds in compiled loops: a variable that held a tuple (or a str, a
# dict, a big int) gets a value of another kind, an inline int, a float, None.


def firsts(items):
    out = 0
    for it in items:
        try:
            out += it[0] * len(it)
        except TypeError:
            out -= 1
    return out


base = [(i, i + 1) for i in range(300)]
for bad in [[7, 8], 3.5, None, 12, "xy", {0: 5}, 2**80, (1, 2, 3), b"ab", range(4)]:
    print(repr(bad)[:12], firsts(base + [bad] + base))


def lengths(words):
    n = 0
    for w in words:
        if w == "stop":
            break
        n += len(w)
    return n


ws = ["alpha", "be", "gamma"] * 200
print(lengths(ws), lengths(ws + [("t", "u")] + ws), lengths(ws + ["stop"] + ws))
try:
    print(lengths(ws + [None] + ws))
except TypeError as e:
    print("TypeError", e)


def lookups(ds, key):
    t = 0
    for d in ds:
        t += d[key]
    return t


ds = [{"k": i} for i in range(400)]
print(lookups(ds, "k"))
try:
    print(lookups(ds + [[1, 2]], "k"))
except TypeError as e:
    print("TypeError", e)


def big_sum(xs):
    s = 0
    for x in xs:
        s = s + x
    return s


bigs = [2**70 + i for i in range(300)]
print(big_sum(bigs), big_sum(bigs + [1.5]), big_sum(bigs + [-(2**70) * 300]))


def pairs(ps):
    acc = 0.0
    for a, b in ps:
        acc += a * b
    return acc


ps = [(i * 0.5, 2.0) for i in range(500)]
print(pairs(ps), pairs(ps + [[1.0, 3.0]] + ps))
try:
    print(pairs(ps + [(1.0,)]))
except ValueError as e:
    print("ValueError", e)
