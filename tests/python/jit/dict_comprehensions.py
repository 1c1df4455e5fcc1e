# Dict comprehensions (`MAP_ADD` in a loop): str and int keys, repeated keys, values of
# several types, a key that needs Python code to compare, and an exception mid-way.


def squares(n):
    return {i: i * i for i in range(n)}


d = squares(500)
print(len(d), d[0], d[499], sum(d.values()))


def by_name(words):
    return {w: len(w) for w in words}


words = ["w%d" % (i % 300) for i in range(900)]
m = by_name(words)
print(len(m), m["w0"], m["w299"], list(m.items())[:3])


def floats(n):
    return {k: k / 7 for k in range(n)}


f = floats(400)
print(round(f[399], 6), len(f))


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return self.k == other

    def __repr__(self):
        return "Key(%d)" % self.k


def mixed(n):
    ks = list(range(n)) + [Key(5)]
    return {k: str(k) for k in ks}


mm = mixed(300)
print(len(mm), mm[5], mm[299])


def raises(n):
    try:
        return {i: 10 // (i - n // 2) for i in range(n)}
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


print(raises(400))


def nested(n):
    return {i: {j: i * j for j in range(3)} for i in range(n)}


print(nested(300)[299])
