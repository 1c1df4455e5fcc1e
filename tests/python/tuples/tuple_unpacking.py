pairs = [(1, "a"), (2, "b"), (3, "c")]
for n, s in pairs:
    print(n, s)
nums, letters = zip(*pairs)
print(nums, letters)
head, *tail = (1, 2, 3, 4)
print(head, tail)
*init, last = (1,)
print(init, last)
(a, b), (c, d) = (1, 2), (3, 4)
print(a, b, c, d)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 2, 8])
print(lo, hi)
def swap(p):
    x, y = p
    return y, x
print(swap((1, 2)))
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = (1,)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print(*(1, 2, 3), sep="-")
print([*(1, 2), *[3], *"45"], (*range(3), 9))
d = {"x": 1, "y": 2}
k1, k2 = d
print(k1, k2)
(k, v), = d.items() if len(d) == 1 else [("many", len(d))]
print(k, v)
for i, (a, (b, c)) in enumerate([(1, (2, 3)), (4, (5, 6))]):
    print(i, a, b, c)
