lst = list(range(10000))
print(sum(lst), len(lst))
sq = [x * x for x in lst if x % 3 == 0]
print(len(sq), sq[-1])
lst.reverse()
print(lst[:5])
lst.sort()
print(lst[:5])
acc = []
for i in range(5000):
    acc.append(i % 17)
print(sum(acc), acc.count(0))
pairs = sorted(((i * 7919) % 1000, i) for i in range(1000))
print(pairs[:3], pairs[-3:])
m = [[i + j for j in range(50)] for i in range(50)]
print(sum(map(sum, m)))
