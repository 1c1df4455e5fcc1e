def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % (2 ** 31)
        yield seed
g = lcg(42)
data = [next(g) % 1000 for _ in range(2000)]
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        k = a[i]
        j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a
def heapsort(a):
    a = a[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for s in range(n // 2 - 1, -1, -1):
        sift(s, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a
small = data[:300]
print(insertion(small) == sorted(small), heapsort(data) == sorted(data))
print(sorted(data)[:10], sorted(data)[-5:], sum(data))
