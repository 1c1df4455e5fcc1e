evens = set(range(0, 200, 2))
threes = set(range(0, 200, 3))
fives = set(range(0, 200, 5))
print(len(evens | threes | fives), len(evens & threes & fives), sorted(evens & threes & fives))
print(len(evens - threes), len(evens ^ threes), sorted(fives - evens - threes)[:10])
print(sum(evens), max(threes), min(fives - {0}))
s = set()
for i in range(1000):
    s.add(i * 7 % 101)
print(len(s), sorted(s)[:5], sorted(s)[-5:])
for i in range(0, 101, 2):
    s.discard(i)
print(len(s), sorted(s)[:8])
seen = set()
dups = []
for x in [i * i % 37 for i in range(50)]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(len(seen), dups[:10])
print(evens.issuperset(range(0, 100, 4)), fives.isdisjoint({1, 2, 3, 4}), {1, 2} < evens | {1})
