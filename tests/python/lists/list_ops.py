a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a * 2, 2 * b, a * 0, [] * 5)
print(a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 3], [2] > [1, 9, 9], [] < [0])
print(len(a), min(a), max(a), sum(a), sum(a, 10), 2 in a, 7 not in a)
print(list(reversed(a)), sorted(b, reverse=True), list(enumerate(b)), list(zip(a, b)))
print([x for x in a if x % 2], [x * y for x in a for y in b])
print(a.index(3), a.count(1), any(x > 2 for x in a), all(x > 0 for x in a))
a[0] = "zero"
print(a)
a[-1] = [3]
print(a)
try:
    a[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    a + (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    a * 1.5
except TypeError as e:
    print("TypeError:", e)
print([[1, 2], [3]] + [[4]], [0] * 3 + [1] * 2)
big = list(range(100))
print(big[::10], sum(big), len(big[50:]))
print([1, [2, [3, [4]]]], str([1, "two", 3.0, None, True]))
print(list(map(lambda x: x * 2, a[1:2])), [None] * 2)
x = [1, 2, 3]
x.__iadd__([4])
print(x, x.__eq__([1, 2, 3, 4]), x.__ne__([]))
print(hash((1,)) == hash((1,)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
