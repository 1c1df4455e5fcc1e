total = 0
for i in range(1, 101):
    total += i
print(total)
print([i for i in range(20, 0, -3)])
acc = 0
for i in range(1000):
    for j in range(i % 7):
        acc += j
print(acc)
r = range(3)
it1 = iter(r)
it2 = iter(r)
print(next(it1), next(it1), next(it2))
for i in range(3):
    for j in range(i, 3):
        print(i, j, end="; ")
print()
print(list(zip(range(3), range(10, 13), range(20, 100))))
print([x for x in range(-5, 5) if x % 2], list(range(0, 1, 1)))
evens = range(0, 50, 2)
print(len(evens), evens[10], evens.index(48), 49 in evens, sum(evens))
print(list(map(lambda i: i * i, range(8))))
