f = frozenset([1, 2, 3])
g = frozenset({3, 4})
print(f, g, f | g, f & g, f - g, f ^ g)
print(type(f | g).__name__, type(f | {9}).__name__, type({9} | f).__name__)
print(hash(f) == hash(frozenset([3, 2, 1])), {f: "key"}[frozenset([1, 2, 3])])
print(frozenset(), frozenset() == set(), f == {1, 2, 3})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(sorted(sorted(x) for x in s))
power = [frozenset()]
for x in [1, 2, 3]:
    power += [p | {x} for p in power]
print(len(power), sorted(sorted(p) for p in power))
print(f.copy() is f, f.issubset({1, 2, 3, 4}), f.union([7]))
