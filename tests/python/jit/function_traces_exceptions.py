# Exceptions inside compiled (function-trace) recursion: raised at some depth and caught
# at the top level, caught in the middle by a non-recursive wrapper, caught by the
# recursive function itself, ZeroDivisionError / IndexError / KeyError from deep
# levels, RecursionError from unbounded recursion (also with a lowered recursion
# limit), and the traceback entries (walked through tb_next) of an exception raised
# 5 levels deep.

import sys


# --- ValueError at some depth, caught at the top level ---------------------------

def descend(n, bad):
    if n == bad:
        raise ValueError("bad depth %d" % n)
    if n == 0:
        return 0
    return 1 + descend(n - 1, bad)


ok = 0
for i in range(500):
    ok += descend(i % 30, -1)
print("descend warm", ok)

caught = []
for i in range(300):
    try:
        r = descend(20, i % 40)
        caught.append(r)
    except ValueError as e:
        if i < 25 or i % 97 == 0:
            print("caught", type(e).__name__, e)
        caught.append(-1)
print("descend outcomes", caught.count(-1), caught.count(20))
print("descend again", descend(25, -1), descend(25, 30))


# --- ZeroDivisionError deep inside ----------------------------------------------

def divdown(n, k):
    if n == 0:
        return 0
    return 100 // (n - k) + divdown(n - 1, k)


zs = 0
for i in range(400):
    zs += divdown(i % 20, -5)
print("divdown warm", zs)

zc = 0
for i in range(200):
    try:
        divdown(15, i % 30)
    except ZeroDivisionError as e:
        zc += 1
        last_zero = str(e)
print("zero caught", zc, last_zero)
print("divdown after", divdown(10, 20), divdown(12, -3))


def fdiv(x, n):
    if n == 0:
        return x
    return fdiv(x / (n - 3), n - 1)


try:
    for i in range(50):
        fdiv(1.0, 2)
    print("fdiv ok", fdiv(1.0, 2))
    fdiv(2.0, 6)
except ZeroDivisionError as e:
    print("fdiv", type(e).__name__, e)


# --- caught in the middle of the recursion by a non-recursive wrapper ----------

def chain(n, bad):
    if n == bad:
        raise KeyError(n)
    if n == 0:
        return 0
    if n % 4 == 0:
        return 1 + guarded(n - 1, bad)
    return 1 + chain(n - 1, bad)


def guarded(n, bad):
    try:
        return chain(n, bad)
    except KeyError as e:
        return 1000 + e.args[0]


cr = []
for i in range(400):
    cr.append(chain(17, i % 16))
print("chain samples", cr[:16])
print("chain no error", chain(17, -1), chain(3, -1))
print("chain sum", sum(cr))


# --- the recursive function catches its own deeper failure ----------------------

def tolerant(n, bad):
    if n == bad:
        raise IndexError("depth %d" % n)
    if n == 0:
        return 0
    try:
        return 1 + tolerant(n - 1, bad)
    except IndexError:
        if n % 3 == 0:
            return 100
        raise


tl = []
for i in range(400):
    try:
        tl.append(tolerant(16, i % 20))
    except IndexError as e:
        tl.append(str(e))
print("tolerant", tl[:20])


cleanup = []


def with_finally(n, bad):
    try:
        if n == bad:
            raise RuntimeError("boom at %d" % n)
        if n == 0:
            return 0
        return n + with_finally(n - 1, bad)
    finally:
        cleanup.append(n)


wf = 0
for i in range(300):
    wf += with_finally(i % 10, -1)
print("with_finally warm", wf, len(cleanup))
del cleanup[:]
try:
    with_finally(8, 3)
except RuntimeError as e:
    print("with_finally", e, cleanup)


# --- errors from list / dict reads at depth --------------------------------------

def list_walk(xs, i):
    return xs[i] + (list_walk(xs, i + 1) if i < 9 else 0)


lw = 0
for i in range(300):
    lw += list_walk(list(range(10)), i % 10)
print("list_walk", lw)
try:
    list_walk([1, 2, 3, 4, 5], 0)
except IndexError as e:
    print("list_walk", type(e).__name__, e)

table = {k: k * k for k in range(20)}


def dict_walk(n):
    if n < 0:
        return 0
    return table[n] + dict_walk(n - 1)


dw = 0
for i in range(300):
    dw += dict_walk(i % 20)
print("dict_walk", dw)
del table[7]
try:
    dict_walk(15)
except KeyError as e:
    print("dict_walk KeyError", e)
table[7] = 0
print("dict_walk fixed", dict_walk(15))


# --- RecursionError from unbounded recursion -------------------------------------

def forever(n):
    return forever(n + 1) + 1


def bounded(n):
    if n == 0:
        return 0
    return bounded(n - 1) + 1


bt = 0
for i in range(300):
    bt += bounded(i % 50)
print("bounded warm", bt)
for attempt in range(3):
    try:
        forever(0)
        print("not reached")
    except RecursionError as e:
        print("unbounded", attempt, type(e).__name__, "caught")
print("bounded after", bounded(500), bounded(900))


# --- lowered recursion limit ------------------------------------------------------

old_limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
lim = 0
for i in range(200):
    lim += bounded(150)
print("limit 200 depth 150", lim)
for depth in (250, 400):
    try:
        bounded(depth)
        print("not reached")
    except RecursionError as e:
        print("limit 200 depth", depth, type(e).__name__)
print("limit 200 depth 150 again", bounded(150))
sys.setrecursionlimit(old_limit)
print("limit restored", sys.getrecursionlimit() == old_limit, bounded(800))


# --- traceback of an exception raised 5 levels deep ------------------------------

def deep(n, fail):
    if n == 0:
        if fail:
            raise LookupError("bottom reached")
        return 0
    return deep(n - 1, fail) + n


dp = 0
for i in range(400):
    dp += deep(i % 8, False)
print("deep warm", dp)

def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    deep(4, True)
except LookupError as e:
    entries = walk(e.__traceback__)
    print("deep frames", len(entries))
    for name, line in entries:
        print("  entry", name, line)


def deep_mid(n):
    if n == 3:
        return 10 // (n - 3)
    return deep_mid(n - 1) * 2


for i in range(200):
    try:
        deep_mid(8)
    except ZeroDivisionError as e:
        err = e
entries = walk(err.__traceback__)
print("deep_mid", type(err).__name__, len(entries))
for name, line in entries:
    print("  entry", name, line)
