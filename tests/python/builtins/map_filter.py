print(list(map(abs, [-1, -2, 3])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True])), list(filter(lambda x: x > 2, range(6))))
print(list(filter(str.isdigit, "a1b2c3")))
m = map(int, ["1", "2", "x"])
print(next(m), next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError:", e)
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__)
print(sum(map(len, ["ab", "cde"])), max(map(abs, [-7, 3])), sorted(map(lambda s: s[::-1], ["ab", "ca"])))
print(list(map(pow, [2, 3, 4], [3, 2], [5, 5])))
print(dict(map(lambda kv: (kv[1], kv[0]), {"a": 1, "b": 2}.items())))
