# Hot loops that store items of a new kind into lists (a float into a list of ints, an int
# into a list of floats): the list's kinds summary must cover what the loop stores, and a
# later read in the same loop must see the new kind.


def floats_into_int_rows(n):
    rows = [[j for j in range(8)] for i in range(n)]
    for r in rows:
        r[5] = 2.5
    return rows[0], rows[-1], sum(sum(r) for r in rows)


print("rows", floats_into_int_rows(600))


def read_back(n):
    xs = list(range(n))
    for i in range(1, n):
        xs[i] = xs[i - 1] * 0.5 + xs[i]
    return xs[:4], xs[-1]


print("read_back", read_back(500))


def alternate(n):
    xs = [0] * 16
    total = 0
    for i in range(n):
        k = i % 16
        if i % 3 == 0:
            xs[k] = i * 0.5
        else:
            xs[k] = i
        total += xs[(k + 5) % 16]
    return total, xs[:5]


print("alternate", alternate(900))


def ints_into_floats(n):
    fs = [0.5] * 32
    s = 0.0
    for i in range(n):
        fs[i % 32] = i
        s += fs[(i + 1) % 32]
    return s, fs[:3]


print("ints_into_floats", ints_into_floats(700))


def nested_new_kind(n):
    grid = [[0] * 10 for _ in range(n)]
    acc = 0
    for r in grid:
        for j in range(10):
            r[j] = j / 4 if j % 2 else j
        for j in range(10):
            acc += r[j]
    return acc


print("nested", nested_new_kind(300))
