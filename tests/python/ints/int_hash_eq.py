for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, 123456789]:
    print(v, hash(v))
print(hash(1) == hash(1.0) == hash(True))
print(hash(2 ** 61 - 1) == hash(0))
print(hash(1.5), hash(-1.5), hash(0.1), hash(1e100))
print(hash(float(2 ** 80)) == hash(2 ** 80))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {0, 0.0, False}
print(len(s))
print(hash((1, 2)), hash((1, (2, 3))), hash(()), hash((0,)), hash((-1,)))
print(hash((1, 2)) == hash((1.0, 2.0)))
print(hash(3 + 0j) == hash(3), hash(1j), hash(complex(1, 2)))
print(hash(frozenset()), hash(None) == hash(None))
