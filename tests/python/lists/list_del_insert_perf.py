lst = []
for i in range(200):
    lst.insert(len(lst) // 2, i)
print(lst[:10], lst[95:105], lst[-10:])
while len(lst) > 5:
    del lst[len(lst) // 3]
print(lst)
acc = []
for i in range(1000):
    acc.append(i * i % 97)
print(sum(acc), acc.count(0), acc.index(96) if 96 in acc else -1)
seen = []
for x in acc:
    if x not in seen:
        seen.append(x)
print(len(seen), seen[:10])
rot = list(range(10))
for _ in range(3):
    rot = rot[1:] + rot[:1]
print(rot)
chunks = [acc[i:i + 100] for i in range(0, len(acc), 100)]
print(len(chunks), [sum(c) for c in chunks])
