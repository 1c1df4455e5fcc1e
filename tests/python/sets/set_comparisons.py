sets = [set(), {1}, {1, 2}, {2, 3}, {1, 2, 3}]
for a in sets:
    print(sorted(a), [(a < b, a <= b, a == b, a >= b, a > b) for b in sets])
print(sorted(sets, key=len))
print({1, 2}.__le__({1, 2, 3}), {1}.__or__({2}), {1, 2}.__sub__({1}))
try:
    {1} < [1]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
print({1}.union([2]), {1, 2}.issubset([1, 2]))
