print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(""))
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3])), list(zip(range(3), "xyz", (True, False, None))))
print(list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1], [2], strict=True)))
e = enumerate("xy")
print(next(e), next(e), next(e, None))
z = zip("ab", "cd")
print(type(z).__name__, type(e).__name__, iter(z) is z)
d = {"a": 1, "b": 2}
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
