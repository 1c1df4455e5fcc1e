# Loop traces that call the compiled trace of an inner `for x in some_list` (or tuple) loop:
# the iterator is made in the outer trace, and an exit after the call leaves the frame where
# the inner loop's trace left it (the list iterator rebuilt at the right index).


def row_sums(rows):
    out = []
    total = 0.0
    for r in rows:
        s = 0.0
        for x in r:
            s += x
        out.append(s)
        total += s
    return total, out[:3], len(out)


print("sums", row_sums([[float(i * j % 13) for j in range(i % 17)] for i in range(400)]))


def tuples(rows):
    n = 0
    for t in rows:
        for x in t:
            n += x * x
    return n


print("tuples", tuples([tuple(range(i % 9)) for i in range(500)]))


def type_change(rows):
    # Row 300 holds a str in the middle: the inner trace leaves half-way through it, and the
    # interpreter goes on from that item.
    seen = []
    total = 0
    for r in rows:
        for x in r:
            if isinstance(x, str):
                seen.append(x)
            else:
                total += x
    return total, seen


rows = [[j for j in range(12)] for i in range(600)]
rows[300][5] = "five"
print("types", type_change(rows))


def grows_while_iterated(n):
    # The inner loop appends to the list it iterates (until a bound): the trace must see
    # the list's new length on every step.
    out = 0
    for i in range(n):
        xs = [1, 2, 3]
        for x in xs:
            if len(xs) < 8:
                xs.append(x + i)
            out += x
    return out


print("grows", grows_while_iterated(300))


def stores_into_other(rows):
    dst = [0] * 16
    for r in rows:
        k = 0
        for x in r:
            dst[k] += x
            k += 1
    return dst


print("stores", stores_into_other([[i + j for j in range(16)] for i in range(300)]))


def empty_rows(rows):
    count = 0
    for r in rows:
        for x in r:
            count += 1
    return count


print("empty", empty_rows([[] if i % 3 else [i] * (i % 5) for i in range(900)]))


def inner_raises(rows):
    total = 0
    try:
        for r in rows:
            for x in r:
                total += 100 // x
    except ZeroDivisionError as e:
        print("caught", e, total, r[:3], x)
    return total


rows = [[1, 2, 4, 5] for i in range(500)]
rows[400] = [1, 2, 0, 4]
print("raises", inner_raises(rows))


def row_replaced_mid_outer(grid):
    # The outer loop replaces a row while the outer trace holds the old one's iterator.
    acc = 0
    for i in range(len(grid)):
        for x in grid[i]:
            acc += x
        if i % 100 == 50:
            grid[i + 1] = [7] * 3
    return acc


print("replaced", row_replaced_mid_outer([[i, i + 1] for i in range(500)]))


def nested_break(rows):
    firsts = []
    for r in rows:
        for x in r:
            if x > 3:
                firsts.append(x)
                break
    return sum(firsts), len(firsts)


print("break", nested_break([[j * (i % 4) for j in range(10)] for i in range(400)]))


def uncaught(rows):
    total = 0
    for r in rows:
        for x in r:
            total += x.real
    return total


rows = [[1, 2, 3] for i in range(400)]
rows[350][1] = None
uncaught(rows)
