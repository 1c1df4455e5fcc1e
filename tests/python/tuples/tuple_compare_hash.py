ts = [(), (0,), (1,), (0, 0), (0, 1), (1, 0), (1, 1), (1, 2, 3), (-1, 5), (1, "a"), (1, "b")]
print(sorted(t for t in ts if all(isinstance(x, int) for x in t)))
for a in [(1, 2), (1, 2, 0), (0, 9), (1, 1)]:
    print(a, [(a < b, a == b, a > b) for b in [(1, 2), (1,), (2,)]])
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, 2)) != hash((2, 1)))
print([hash(t) for t in [(), (0,), (1,), (1, 2), (-1, -1), ((),), (1.5, 2)]])
print((1, [2]) == (1, [2]), (float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), (n,) < (n, 1))
try:
    (1, 2) < (1, "a")
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 3, "x"), (2,) > (1, "anything"))
print(max([(2, "b"), (2, "a"), (1, "z")]), min([(0, 1), (0, 0, 0)]))
