t = (1, "two", 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1], t[-1][0], t[1:3], t[::-1])
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
single = 5,
print(single, type(single).__name__)
a, b, c = (1, 2, 3)
print(a, b, c)
print(t.count(None), t.index(3.0), (1, 1, 2, 1).count(1))
print((1, 2) + (3,), (0,) * 4, 2 * (1, 2))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), (1, 2) == (1, 2), () < (0,))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
m = ([1], [2])
m[0].append(9)
print(m)
print(max((3, 1), (2, 9)), min([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
print(tuple(x * 2 for x in range(4)), 3 in (1, 2, 3))
x = (1, 2)
y = x
x += (3,)
print(x, y)
print(repr((1,)), str((None, True)), repr(("a",)))
