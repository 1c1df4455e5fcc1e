# for-range loops: steps, empty ranges, length-1 ranges, negative and large steps,
# the loop variable after the loop, and a range iterator shared between loops.


def rsum(r):
    s = 0
    c = 0
    for i in r:
        s += i
        c += 1
    return c, s


def loop_var_after(a, b, step):
    i = "unset"
    for i in range(a, b, step):
        pass
    return i


def squares(n):
    s = 0
    for i in range(n):
        s = s + i * i
    return s


ranges = [
    range(0),
    range(1),
    range(2),
    range(3),
    range(1000),
    range(5, 5),
    range(5, 0),
    range(0, 5, -1),
    range(7, 8),
    range(7, -100, -1000),
    range(-7, 7),
    range(10, -10, -1),
    range(10, -11, -3),
    range(0, 10 ** 6, 99991),
    range(10 ** 12, -10 ** 12, -7 * 10 ** 10),
    range(-1000, 1000, 7),
    range(999, -1, -1),
    range(3, 1000, 1000),
    range(-(2 ** 40), 2 ** 40, 2 ** 37),
]
for r in ranges:
    print(r, rsum(r))

print(loop_var_after(0, 10, 1), loop_var_after(0, 0, 1), loop_var_after(10, 0, -3), loop_var_after(4, 5, 1))
print([squares(n) for n in (0, 1, 2, 3, 50, 1000)])


def shared_iterator():
    it = iter(range(100))
    first = 0
    for x in it:
        first += x
        if x == 40:
            break
    second = 0
    count = 0
    for x in it:
        second += x
        count += 1
        if x == 80:
            break
    rest = list(it)
    return first, second, count, rest[:3], len(rest)


print(shared_iterator())


def nested_range_over_range(n):
    total = 0
    for a in range(n):
        for b in range(a, n, 3):
            total += a * b
    return total


print(nested_range_over_range(60))


def range_lengths():
    out = []
    for n in range(6):
        c = 0
        for _ in range(n):
            c += 1
        out.append(c)
    return out


print(range_lengths())


def reassign_loop_var(n):
    # assigning to the loop variable does not affect the iteration
    s = 0
    last = 0
    for i in range(n):
        i = i * 2
        s = s + i
        last = i
    return s, last, i


print(reassign_loop_var(1000), reassign_loop_var(1), reassign_loop_var(2))


def range_object_reused(n):
    r = range(n)
    a = 0
    for x in r:
        a = a + x
    b = 0
    for x in r:
        b = b - x
    return a, b, len(r)


print(range_object_reused(1000))
