def primes_upto(n):
    composite = set()
    for i in range(2, int(n ** 0.5) + 1):
        composite.update(range(i * i, n + 1, i))
    return sorted(set(range(2, n + 1)) - composite)
print(primes_upto(100))
graph = {1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: {6}, 6: set(), 7: {1}}
def reachable(start):
    seen = set()
    stack = [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(graph[n] - seen)
    return seen
for s in (1, 4, 7):
    print(s, sorted(reachable(s)))
def topo():
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] += 1
    ready = sorted(n for n in graph if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in sorted(graph[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
print(topo())
a = [1, 5, 2, 8, 5, 1, 9, 2]
seen = set()
dups = set()
for x in a:
    (dups if x in seen else seen).add(x)
print(sorted(seen), sorted(dups))
print(sorted(set(range(0, 30, 3)) & set(range(0, 30, 5))))
pairs = {(i, j) for i in range(4) for j in range(4) if i < j}
print(len(pairs), sorted(pairs))
