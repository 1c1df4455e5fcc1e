# while loops over int locals: counters, sums, products, loops that run 0/1/2/1000 times.


def count_up(n):
    i = 0
    s = 0
    while i < n:
        s = s + i
        i = i + 1
    return i, s


def count_down(n):
    c = 0
    while n > 0:
        n -= 1
        c += 2
    return n, c


def truthy_countdown(n):
    # `while n:` branches on the truth of an int
    steps = 0
    while n:
        n = n - 1
        steps = steps + 3
    return steps


def product(n, mod_cap):
    # product of small factors, kept small by subtraction
    p = 1
    k = 1
    while k <= n:
        p = p * 3
        while p > mod_cap:
            p = p - mod_cap
        k += 1
    return p


def checkpoints(n, every):
    out = []
    i = 0
    k = 0
    acc = 0
    sq = 0
    while i < n:
        acc += i * 7 - 3
        sq = sq + i * i
        i += 1
        k += 1
        if k == every:
            k = 0
            out.append((i, acc, sq))
    return out


def le_ge_eq_ne(n):
    a = b = c = d = 0
    i = -n
    while i <= n:
        if i >= 0:
            a += 1
        if i == 3:
            b += 100
        if i != 5:
            c += i
        if i < -3:
            d -= i
        i += 1
    return a, b, c, d


def chained(n):
    hits = 0
    other = 0
    i = 0
    while i < n:
        if 10 < i <= 20:
            hits += i
        else:
            other += 1
        i += 1
    return hits, other


def collatz_steps(x):
    steps = 0
    while x != 1:
        half = x // 2
        if half + half == x:
            x = half
        else:
            x = 3 * x + 1
        steps += 1
    return steps


def with_else(n, stop):
    i = 0
    while i < n:
        if i == stop:
            break
        i += 1
    else:
        return ("no break", i)
    return ("break", i)


for n in (0, 1, 2, 3, 10, 1000):
    print("count_up", n, count_up(n))
    print("count_down", n, count_down(n))
    print("truthy", n, truthy_countdown(n))
    print("product", n, product(n, 1000003))
print("count_up negative", count_up(-5))
print("checkpoints", checkpoints(1000, 125))
print("le_ge_eq_ne", le_ge_eq_ne(500))
print("chained", chained(1000))
print("collatz", [collatz_steps(x) for x in (1, 2, 3, 7, 27, 97, 871)])
print("with_else", with_else(1000, 2000), with_else(1000, 999), with_else(0, 0), with_else(5, 0))
