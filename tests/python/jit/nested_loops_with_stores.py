# Loop traces that call the compiled trace of an inner `for ... in range(...)` loop which
# stores into or appends to lists: the inner loop's effects must happen exactly once, and
# when the inner trace leaves early (a guard fails, an exception, a break) the frame must be
# exactly where the inner loop's trace left it.


def stencil(n, steps):
    a = [[0.0] * n for _ in range(n)]
    for i in range(n):
        a[i][0] = 1.0
        a[0][i] = 1.0
    b = [row[:] for row in a]
    for _ in range(steps):
        for i in range(1, n - 1):
            ai, up, down, bi = a[i], a[i - 1], a[i + 1], b[i]
            for j in range(1, n - 1):
                bi[j] = 0.2 * (ai[j] + ai[j - 1] + ai[j + 1] + up[j] + down[j])
        a, b = b, a
    return sum(sum(row) for row in a)


print("stencil", round(stencil(30, 12), 9))

# At module level: the loop variables are globals.
grid = [[i * j for j in range(40)] for i in range(40)]
for i in range(40):
    row = grid[i]
    for j in range(40):
        row[j] = row[j] * 2 + i
print("module", sum(map(sum, grid)), i, j)


def counts_after_inner(n):
    # The inner loop writes variables the outer loop reads afterwards.
    out = []
    total = 0
    for i in range(n):
        s = 0
        for j in range(i % 7):
            s += j * i
            out.append(j)
        total += s
    return total, len(out), out[-5:]


print("after", counts_after_inner(200))


def type_change_mid_inner(n):
    # An int turns into a float half-way through one inner run: the inner trace leaves in
    # the middle, and the chained exit leaves the frame inside the inner loop.
    data = [[j for j in range(20)] for i in range(n)]
    data[n // 2][11] = 2.5
    acc = 0
    for i in range(n):
        r = data[i]
        for j in range(20):
            r[j] = r[j] + 1
            acc += r[j]
    return acc, data[n // 2][9:13], data[-1][-3:]


print("types", type_change_mid_inner(60))


def grows_past_2_63(n):
    xs = [1] * 8
    for i in range(n):
        for j in range(8):
            xs[j] = xs[j] * 3 + j
    return xs[0] % 1000003, xs[7] > 2**63


print("bigint", grows_past_2_63(50))


def inner_break(n):
    hits = []
    for i in range(n):
        for j in range(30):
            if j * j > i:
                hits.append(j)
                break
    return sum(hits), hits[-3:]


print("break", inner_break(300))


def empty_and_varying(n):
    out = [0] * 50
    for i in range(n):
        for j in range(i % 5, i % 11):
            out[j] += i
    return out[:12], sum(out)


print("varying", empty_and_varying(400))


def steps(n):
    out = [0] * 64
    for i in range(n):
        for j in range(63, 0, -2):
            out[j] = out[j - 1] + i
        for j in range(0, 64, 3):
            out[j] += 1
    return sum(out), out[:6]


print("steps", steps(120))


def raises_in_inner(n):
    rows = [[1.0] * 10 for _ in range(n)]
    rows[n - 5] = rows[n - 5][:7]
    total = 0.0
    try:
        for i in range(n):
            r = rows[i]
            for j in range(10):
                r[j] = r[j] * 0.5
                total += r[j]
    except IndexError as e:
        print("caught", type(e).__name__, e, i, j, round(total, 6))
    return rows[n - 5], rows[n - 6][:3], rows[n - 4][:3]


print("raises", raises_in_inner(40))


def alternating_inner(n):
    # A branch inside the inner loop that the inner trace's first recording did not take.
    out = [0] * 16
    for i in range(n):
        for j in range(16):
            if (i + j) % 3 == 0:
                out[j] += 5
            else:
                out[j] -= 1
    return out


print("alternating", alternating_inner(300))


def kinds_change(n):
    # An inner loop stores floats into a list of ints: the outer trace must not trust its
    # earlier check of the list's kinds.
    xs = list(range(32))
    total = 0
    for i in range(n):
        for j in range(32):
            if i == n - 3:
                xs[j] = xs[j] / 2
            else:
                xs[j] = xs[j] + 1
        total += xs[5]
    return total, xs[:4]


print("kinds", kinds_change(100))


def appends_then_reads(n):
    # The outer loop reads the list the inner loop grows (its length and items move).
    xs = [0]
    seen = 0
    for i in range(n):
        for j in range(i % 4 + 1):
            xs.append(i + j)
        seen += xs[-1] + len(xs)
    return seen, len(xs), xs[-4:]


print("appends", appends_then_reads(500))


def three_deep(n):
    cube = [[[0] * 6 for _ in range(6)] for _ in range(6)]
    for t in range(n):
        for i in range(6):
            plane = cube[i]
            for j in range(6):
                line = plane[j]
                for k in range(6):
                    line[k] += i + j * k + t
    return sum(sum(sum(l) for l in p) for p in cube)


print("three", three_deep(40))


def outer_over_list(rows):
    for r in rows:
        for j in range(len(r)):
            r[j] = r[j] * 2 - j
    return [sum(r) for r in rows[:5]], sum(map(sum, rows))


print("overlist", outer_over_list([[i + j for j in range(i % 9 + 3)] for i in range(300)]))


def escapes_every_1000(n):
    kept = []
    row = [0.0] * 10
    for i in range(n):
        for j in range(10):
            row[j] += 0.5
        if i % 1000 == 999:
            kept.append(row)
            row = [0.0] * 10
    return len(kept), kept[-1][:2], row[:2]


print("escape", escapes_every_1000(5000))


def inner_reads_outer_float(n):
    xs = [0.0] * 20
    f = 0.0
    for i in range(n):
        f = f + 0.25
        for j in range(20):
            xs[j] = xs[j] + f * j
    return xs[19], f


print("floats", inner_reads_outer_float(300))


def uncaught(n):
    m = [[1] * 5 for _ in range(n)]
    m[n - 2] = [1, 1, 1]
    for i in range(n):
        r = m[i]
        for j in range(5):
            r[j] += r[j - 1]
    return m


uncaught(50)
