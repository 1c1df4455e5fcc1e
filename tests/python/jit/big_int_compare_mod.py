# Comparisons and `%` of big ints (past 64 bits) with ints and big ints in hot loops.
LIMIT = 10**25
M = 1000000007


def count_below(n):
    x = 10**24
    hits = 0
    for i in range(n):
        x = x + 10**21
        if x < LIMIT:
            hits += 1
        if LIMIT <= x:
            hits += 2
    return hits, x


print("below", count_below(2000))


def residues(n):
    x = 2**100
    acc = 0
    for i in range(n):
        x = x * 3 + i
        acc += x % M
        acc -= (x + 1) % -97
    return acc, x % 1000


print("residues", residues(500))


def mixed_compare(n):
    big = 2**70
    c = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        v = big + i - n // 2
        c[0] += v == big
        c[1] += v != big
        c[2] += v > 2**70 + 10
        c[3] += i < v
        c[4] += v >= big
        c[5] += -v > i
    return c


print("mixed", mixed_compare(3000))


def crossing(n):
    # The value crosses back into 64 bits: compares with a small int on the way.
    x = 2**63 + 200
    seen = 0
    for i in range(n):
        x = x - 1
        if x > 2**63:
            seen += 1
    return seen, x


print("crossing", crossing(600))


def zero_mod(n):
    x = 2**80
    out = 0
    for i in range(n):
        out += x % (n - 1 - i if i < n - 1 else 7)
    try:
        return out + x % (i - i)
    except ZeroDivisionError as e:
        return out, str(e)


print("zero", zero_mod(1000))
