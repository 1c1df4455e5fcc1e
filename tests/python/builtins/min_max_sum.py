print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"))
print(min([], default="empty"), max([], default=None), min([1, 2], default=0))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len), max([-3, 2], key=abs))
print(max([1, 3, 3, 2], key=lambda x: x == 3), max((1, "a"), (1, "b")))
print(max([(1, 2), (1, 3)]), min({3: "a", 1: "b"}), max({3: "a", 1: "b"}.values()))
pairs = [("x", 3), ("y", 3), ("z", 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
print(sum([1, 2, 3]), sum([]), sum(range(101)), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([1.5, 2, True]), sum(x * x for x in range(5)), sum([2 ** 64, 2 ** 64]))
print(sum([1, 2], start=100))
for bad in [lambda: max(), lambda: min([]), lambda: max(1), lambda: sum(["a"], ""), lambda: max([1, "a"])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(max(1, 2, key=lambda x: -x), min("abc", key=ord))
print(max([float("nan"), 1, 2]), max([1, float("nan"), 2]))
