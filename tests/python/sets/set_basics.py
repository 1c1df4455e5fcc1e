s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(4); s.add(1)
print(s)
s.discard(10); s.discard(3)
print(s)
s.remove(4)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(s.pop() in (1, 2), len(s))
print(set(), set([1, 1, 2]), set(range(5)), set((5, 5, 6)), set({7: 0}))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, {10}), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint({9}))
c = set(a)
c |= {9}; print(c)
c &= {1, 2, 9}; print(c)
c -= {1}; print(c)
c ^= {2, 7}; print(c)
c.update([11, 12], (13,)); print(c)
c.intersection_update({9, 11, 7, 100}); print(c)
c.difference_update({9}); print(c)
c.symmetric_difference_update({7, 8}); print(c)
c.clear(); print(c)
print(sorted({-5, 10, 3, -1}), sorted({2.5, 1, -3}))
print({1, 2} == {2, 1}, {1} != {1, 2}, set() == frozenset())
print({x % 5 for x in range(20)})
print(set("aab") == {"a", "b"}, len(set("mississippi")))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
