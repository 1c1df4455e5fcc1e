# Edge cases of loop traces that call an inner loop's trace: variables the inner loop leaves
# (or does not touch when it runs no iteration), shadowed loop variables, `continue`, `while`
# outer loops, an inner loop that grows the list the outer loop iterates, and unbound
# variables.


def keeps_last_value(n):
    # (i + 1) % 3 == 0 runs the inner loop zero times: j keeps its previous value.
    out = []
    for i in range(n):
        for j in range((i + 1) % 3):
            pass
        out.append(j)
    return sum(out), out[:9]


print("keeps", keeps_last_value(300))


def keeps_float(n):
    acc = 0.0
    for i in range(n):
        for x in [0.5 * i] * ((i + 1) % 4):
            pass
        acc += x
    return acc


print("keeps_float", keeps_float(200))


def shadowed(n):
    seen = 0
    for i in range(n):
        for i in range(3):
            seen += i
        seen += i
    return seen, i


print("shadowed", shadowed(200))


def with_continue(n):
    out = [0] * 10
    for i in range(n):
        for j in range(10):
            if j % 3 == 1:
                continue
            out[j] += i
    return out


print("continue", with_continue(200))


def while_outer(n):
    i = 0
    total = 0
    while i < n:
        for j in range(i % 7):
            total += j
        i += 1
    return total


print("while", while_outer(500))


def outer_list_grows(n):
    rows = [[1, 2]]
    k = 0
    for r in rows:
        for x in r:
            k += x
        if len(rows) < n:
            rows.append([len(rows), k % 5])
    return k, len(rows)


print("outer_grows", outer_list_grows(300))


def inner_grows_outer_list(n):
    rows = [[1], [2]]
    k = 0
    for r in rows:
        for j in range(2):
            if len(rows) < n:
                rows.append([j + len(rows)])
        k += r[0]
    return k, len(rows)


print("inner_grows_outer", inner_grows_outer_list(400))


def float_then_int(n):
    # The inner loop's accumulator is a float in some rows and an int in others.
    res = []
    for i in range(n):
        s = 0.0 if i % 50 == 0 else 0
        for j in range(5):
            s += j
        res.append(s)
    return res[:3], res[50], sum(res)


print("float_then_int", float_then_int(300))


def big_in_inner(n):
    out = []
    for i in range(n):
        v = 1
        for j in range(i % 70):
            v = v * 3
        out.append(v % 1000003)
    return sum(out)


print("big", big_in_inner(300))


def global_rebound_between(n):
    global SCALE
    out = 0
    for i in range(n):
        for j in range(4):
            out += SCALE * j
        if i == n // 2:
            SCALE = 10
    return out


SCALE = 1
print("rebound", global_rebound_between(300))


def unbound_after_empty(n):
    for i in range(n):
        for j in range(i % 3):
            pass
    return j


print("unbound_ok", unbound_after_empty(301))


def three_levels(steps, n):
    # The outermost loop's trace calls the middle loop's, which calls the innermost's: a
    # float appears deep inside once (the exits chain through both calls), and the middle
    # loop leaves list variables behind.
    grid = [[i * n + j for j in range(n)] for i in range(n)]
    total = 0
    for t in range(steps):
        for i in range(n):
            row = grid[i]
            for j in range(n):
                row[j] = row[j] + t
                if t == steps - 2 and i == n // 2 and j == n // 3:
                    row[j] = row[j] + 0.5
        total += row[0] + row[-1]
    return total, row[:3], grid[n // 2][n // 3 - 1 : n // 3 + 2]


print("three_levels", three_levels(60, 12))


def three_levels_raise(steps, n):
    grid = [[1] * n for _ in range(n)]
    acc = 0
    try:
        for t in range(steps):
            for i in range(n):
                row = grid[i]
                for j in range(n):
                    acc += (t + 1) // row[j]
            if t == steps - 3:
                grid[n - 1][n - 2] = 0
    except ZeroDivisionError as e:
        print("caught", e, t, i, j, acc)


three_levels_raise(40, 9)


def never_bound():
    total = 0
    for i in range(200):
        for j in range(0):
            total += 1
        total += i
    print(total)
    return j


never_bound()
