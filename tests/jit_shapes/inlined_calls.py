# A loop calling small functions: `scale` calls `inc` twice and returns a pair that the loop
# sums, `table` runs its own nested range loops. Every call is inlined: no call remains, the
# pair is never built, and `table()` (which depends on nothing) folds to a constant, so the
# body is the loop test, the arithmetic with its overflow checks, and the jump.
def inc(a):
    return a + 1


def scale(b, c):
    return inc(b), inc(2 * c)


def table():
    t = 0
    for i in range(1, 3):
        for j in range(1, 4):
            t += i * j
    return t


def run(n):
    acc = 0
    for k in range(n):
        acc += sum(scale(k, k)) + table()
    return acc


print(run(1000))
