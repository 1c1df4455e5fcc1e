# The same function (with a compiled loop) called many times with arguments of different
# types: int, then float, then bigint, then back; and the same loop from recursive frames.


def accumulate(a, n):
    s = a
    for i in range(n):
        s = s + a
    return s


def scale(a, b, n):
    x = a
    i = 0
    while i < n:
        x = x * b + a
        if x > 1000000000000:
            x = x % 1000003
        i += 1
    return x


args = [3, 7, 2.5, -1.25, 2 ** 50, -(2 ** 70), 2 ** 47 - 1, 5, 0.1, True, 11]
for a in args:
    print(type(a).__name__, accumulate(a, 1000), accumulate(a, 1), accumulate(a, 0))

for _ in range(20):
    accumulate(1, 50)
print(accumulate(0.5, 50), accumulate(1, 50), accumulate(2 ** 64, 50))

for a, b in [(1, 2), (1, 1), (0.5, 1.5), (3, 1.0), (2 ** 60, 1), (1, 2 ** 40), (7, -1), (1.0, -1)]:
    print(a, b, scale(a, b, 500))


def poly(a, n):
    # int, float, and str all support +
    s = a
    for i in range(n):
        s = s + a
    return s


for a in (1, 1.5, "ab", 2 ** 100, 1, -0.0, (1,), 3):
    r = poly(a, 300)
    print(type(r).__name__, r if not isinstance(r, (str, tuple)) else len(r))


def tri(n):
    s = 0
    for i in range(n):
        s += i
    if n < 3:
        return s
    return s + tri(n - 1)


print(tri(200), tri(2), tri(0))


def mixed_phi(a, b, n):
    # a and b come in with different type combinations on each call
    for i in range(n):
        a = a + b
        b = b - 1
    return a, b


for a, b in [(0, 0), (0, 0.5), (0.5, 0), (2 ** 47 - 10, 0), (0, 2 ** 47), (1.0, 1.0), (0, 3)]:
    print(mixed_phi(a, b, 1000))


def countdown(n):
    c = 0
    while n > 0:
        n = n - 1
        c += 1
    return c


print([countdown(v) for v in (10, 10.5, 0.5, 2 ** 48 - 2 ** 48 + 7, True, 3, -1)])


def over(it):
    s = 0
    for x in it:
        s = s + x
    return s


for it in (range(1000), list(range(1000)), range(2 ** 47 - 10, 2 ** 47 + 10), (1, 2.5, 3),
           range(5, 1000, 5), iter(range(100)), (x for x in range(10)), range(1000, 0, -1),
           [2 ** 70, 1], "", range(0)):
    print(over(it))
