# Sets in loops: `x in s`, `x not in s` and `s.add(x)` with int and str keys; keys that need
# Python code to compare; a set that changes type; printing keeps CPython's order.


def dedupe(n):
    seen = set()
    out = []
    for i in range(n):
        k = (i * 7) % 97
        if k not in seen:
            seen.add(k)
            out.append(k)
    return len(seen), out[:10], sorted(seen)[-3:]


print(dedupe(3000))


def words(ws):
    seen = set()
    dup = 0
    for w in ws:
        if w in seen:
            dup += 1
        else:
            seen.add(w)
    return dup, len(seen), sorted(seen)[:4]


print(words(["w%d" % (i % 250) for i in range(2000)]))


def printed(n):
    s = set()
    for i in range(n):
        s.add(i * 37 % 50)
    return s


print(printed(400))


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return other == self.k

    def __repr__(self):
        return "Key(%r)" % self.k


def python_keys(n):
    s = {Key(3), "x"}
    hits = 0
    for i in range(n):
        if i % 10 in s:
            hits += 1
        s.add(i % 20)
    return hits, len(s)


print(python_keys(500))


def frozen(n):
    fs = frozenset(range(0, 100, 3))
    hits = 0
    for i in range(n):
        if i % 100 in fs:
            hits += 1
    return hits


print(frozen(1000))


def changes(n):
    containers = [set(range(10))] * (n // 2) + [list(range(10))] * (n // 2)
    hits = 0
    for c in containers:
        if 5 in c:
            hits += 1
    return hits


print(changes(600))
