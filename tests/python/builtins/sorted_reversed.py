print(sorted([3, 1, 2]), sorted("bca"), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted({5, 3, 4}), sorted(range(3), reverse=True))
print(sorted(["b", "A", "c"], key=str.lower), sorted([-3, 1, -2], key=abs), sorted([[2, 1], [1, 2], [1, 1]]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
r = reversed([1, 2, 3])
print(next(r), list(r), type(reversed([])).__name__)
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
words = "the Quick brown fox Jumps over the lazy Dog".split()
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w.lower())))
print(sorted([1.5, 1, True, 0, False]), sorted([(1, "b"), (1, "a"), (0, "z")]))
