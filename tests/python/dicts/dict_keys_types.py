d = {}
d[1] = "int"
d[2.5] = "float"
d["s"] = "str"
d[(1, 2)] = "tuple"
d[None] = "none"
d[frozenset([1, 2])] = "fs"
d[b"b"] = "bytes"
d[True] = "bool overrides 1"
print(d)
print(d[1], d[1.0], d[(1, 2)], d[frozenset([2, 1])])
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return hash(self.n % 10)
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return f"Key({self.n})"
k = {Key(1): "one", Key(11): "eleven", Key(21): "21"}
print(k, k[Key(11)], Key(31) in k)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class AlwaysEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return True
print(len({AlwaysEq(): 1, AlwaysEq(): 2}))
nan = float("nan")
dn = {nan: 1}
print(dn[nan], len({float("nan"): 1, float("nan"): 2}))
print({-0.0: "neg"}[0], {0: "z"}[-0.0])
