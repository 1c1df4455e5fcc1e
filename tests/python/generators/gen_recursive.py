def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))
def combinations(items, k):
    if k == 0:
        yield []
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield [items[i]] + rest
print(list(combinations("abcd", 2)))
def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s
print(sorted(subsets([1, 2, 3])))
def hanoi(n, a="A", b="B", c="C"):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (n, a, c)
        yield from hanoi(n - 1, b, a, c)
moves = list(hanoi(4))
print(len(moves), moves[:5])
def partitions(n, maxv=None):
    if maxv is None:
        maxv = n
    if n == 0:
        yield ()
        return
    for k in range(min(n, maxv), 0, -1):
        for p in partitions(n - k, k):
            yield (k,) + p
print(list(partitions(6)))
print(sum(1 for _ in partitions(20)))
