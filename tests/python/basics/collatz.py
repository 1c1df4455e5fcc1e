def steps(n):
    c = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
best = (0, 0)
for i in range(1, 3000):
    s = steps(i)
    if s > best[1]:
        best = (i, s)
        print("new best", i, s)
print(best)
print([steps(i) for i in range(1, 21)])
cache = {1: 0}
def steps_memo(n):
    if n in cache:
        return cache[n]
    r = 1 + steps_memo(n // 2 if n % 2 == 0 else 3 * n + 1)
    cache[n] = r
    return r
print(sum(steps_memo(i) for i in range(1, 3000)))
print(len(cache))
