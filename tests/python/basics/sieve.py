def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k, v in enumerate(is_p) if v]
ps = sieve(1000)
print(len(ps))
print(ps[:30])
print(ps[-5:])
print(sum(ps))
twins = [(p, p + 2) for p in ps if p + 2 in set(ps)]
print(len(twins), twins[:8])
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
for g in sorted(gaps):
    print("gap", g, gaps[g])
