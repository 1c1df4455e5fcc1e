# Hot recursive functions of many shapes, compiled as function traces: results of
# every type (ints growing into bigints, floats, bools, None, str, list, tuple),
# several arguments whose types change between calls, default arguments, mutual
# recursion, list arguments, global names rebound mid-run (from outside and from
# a helper called inside the recursion), memoization through a dict global and
# a function calling itself through a different global alias.


# --- plain int recursion -------------------------------------------------------

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(300):
    total += fib(i % 12)
print("fib sum", total)
print("fib(20)", fib(20))


def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)


acc = 0
for i in range(400):
    acc += sum_to(i % 40)
print("sum_to acc", acc)
print("sum_to(300)", sum_to(300))


# --- ints that grow into bigints part-way ---------------------------------------

def grow(n):
    if n == 0:
        return 1
    return grow(n - 1) * 1048576  # 2**20 each level: 2**47 at n=3, 2**63 at n=4


grow_results = []
for i in range(600):
    r = grow(i % 7)
    if i < 7:
        grow_results.append(r)
print("grow results", grow_results)
print("grow(6) == 2**120", grow(6) == 2 ** 120)
print("grow(2) small", grow(2), "grow(3) past 2**47", grow(3) > 2 ** 47)


def big_sum(n):
    # sum of terms 2**44 * n: the partial sums cross 2**47 after a few levels
    if n == 0:
        return 0
    return big_sum(n - 1) + n * 17592186044416


bs = 0
for i in range(500):
    bs += big_sum(i % 20)
print("big_sum acc", bs)
print("big_sum(5)", big_sum(5), "big_sum(19)", big_sum(19))


def pow3(n):
    if n == 0:
        return 1
    return 3 * pow3(n - 1)


p3 = []
for i in range(300):
    v = pow3(i % 50)
    if i % 50 in (0, 29, 30, 39, 40, 41, 49):
        p3.append(v)
print("pow3 picks", p3[:7])
print("pow3 crosses 2**63 at", min(k for k in range(50) if pow3(k) >= 2 ** 63))


def neg_grow(n):
    if n == 0:
        return -1
    return neg_grow(n - 1) * 65536


print("neg_grow", [neg_grow(k) for k in range(6)])
ng = 0
for i in range(400):
    ng += neg_grow(i % 6)
print("neg_grow acc", ng)


# --- floats ----------------------------------------------------------------------

def harmonic(n):
    if n == 0:
        return 0.0
    return harmonic(n - 1) + 1.0 / n


hs = 0.0
for i in range(400):
    hs += harmonic(i % 30)
print("harmonic acc", hs)
print("harmonic(100)", harmonic(100))


def halve(x, n):
    if n == 0:
        return x
    return halve(x / 2, n - 1)


hv = 0.0
for i in range(300):
    hv += halve(float(i), 5)
print("halve acc", hv)
print("halve int start", halve(96, 3), "halve deep", halve(1.0, 600))


# --- bools, None, str, list, tuple ---------------------------------------------

def is_pow2(n):
    if n == 1:
        return True
    if n % 2 == 1 or n == 0:
        return False
    return is_pow2(n // 2)


pows = []
for i in range(1, 1100):
    if is_pow2(i):
        pows.append(i)
print("powers of two", pows)
print("is_pow2 big", is_pow2(2 ** 70), is_pow2(2 ** 70 + 2))


def walk_none(n):
    if n <= 0:
        return None
    walk_none(n - 1)


nones = 0
for i in range(300):
    if walk_none(i % 15) is None:
        nones += 1
print("walk_none count", nones)


def rev(s):
    if len(s) <= 1:
        return s
    return rev(s[1:]) + s[0]


words = ["jit", "trace", "recursion", "", "a", "function"]
revs = []
for i in range(300):
    r = rev(words[i % len(words)])
    if i < len(words):
        revs.append(r)
print("rev", revs)


def stars(n):
    if n == 0:
        return ""
    return "*" + stars(n - 1)


sl = 0
for i in range(300):
    sl += len(stars(i % 25))
print("stars len acc", sl, stars(7))


def countdown(n):
    if n == 0:
        return [0]
    return [n] + countdown(n - 1)


cl = 0
for i in range(300):
    cl += len(countdown(i % 20))
print("countdown", cl, countdown(6))


def pairs(n):
    if n == 0:
        return ()
    return (n, n * n) + pairs(n - 1)


pt = 0
for i in range(300):
    pt += sum(pairs(i % 10))
print("pairs", pt, pairs(4))


def minmax(seq, i):
    if i == len(seq) - 1:
        return (seq[i], seq[i])
    lo, hi = minmax(seq, i + 1)
    v = seq[i]
    return (v if v < lo else lo, v if v > hi else hi)


data = [5, 3, 9, -2, 14, 7, 0, 11]
mm = None
for i in range(300):
    mm = minmax(data, i % len(data))
print("minmax", mm, minmax(data, 0))


# --- several arguments, types changing between calls ----------------------------

def power(base, e):
    if e == 0:
        return base * 0 + 1
    return base * power(base, e - 1)


pw = []
for i in range(300):
    pw.append(power(2, i % 10))
print("power int", sum(pw))
print("power float", power(1.5, 7), "power bigint", power(10, 25))
print("power small", power(3, 4), power(-2, 63))


def scale(x, k, n):
    if n == 0:
        return x
    return scale(x * k, k, n - 1)


sc = 0
for i in range(300):
    sc += scale(i, 2, 4)
print("scale int", sc)
print("scale float", scale(1.5, 0.5, 4))
print("scale str", scale("ab", 2, 3))
print("scale list", scale([1], 3, 2))
print("scale mixed", scale(3, 1.5, 3), scale(7, 2 ** 30, 3))
sc2 = 0
for i in range(300):
    sc2 += scale(i, 2, 4)
print("scale int again", sc2)


def join_down(x, sep, n):
    if n == 0:
        return x
    return join_down(x + sep + x, sep, n - 1)


print("join_down", join_down("a", "-", 3), join_down(1, 1, 4), join_down(0.5, 0.25, 2))


# --- default arguments -----------------------------------------------------------

def tri(n, acc=0):
    if n == 0:
        return acc
    if n % 2 == 0:
        return tri(n - 1, acc + n)
    return tri(n - 1) + n + acc


tr = 0
for i in range(500):
    tr += tri(i % 30)
print("tri acc", tr)
print("tri", tri(10), tri(10, 5), tri(11, acc=100))


def depth_list(n, out=None):
    if out is None:
        out = []
    if n == 0:
        return out
    out.append(n)
    return depth_list(n - 1, out)


dl = 0
for i in range(300):
    dl += len(depth_list(i % 12))
print("depth_list", dl, depth_list(5))


# --- mutual recursion ------------------------------------------------------------

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


ev = 0
for i in range(500):
    if is_even(i % 60):
        ev += 1
print("is_even count", ev, is_even(301), is_odd(301))


# --- lists as arguments ----------------------------------------------------------

def collect(n, out):
    if n == 0:
        return out
    collect(n - 1, out)
    out.append(n * n)
    return out


coll = []
for i in range(200):
    coll = collect(i % 15, [])
print("collect", coll, len(collect(100, [])))


def list_sum(xs, i):
    if i >= len(xs):
        return 0
    return xs[i] + list_sum(xs, i + 1)


nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
ls = 0
for i in range(400):
    ls += list_sum(nums, i % len(nums))
print("list_sum", ls)
print("list_sum floats", list_sum([0.5, 1.25, 2.0], 0))
print("list_sum big", list_sum([2 ** 62, 2 ** 62, 2 ** 62], 0))
print("list_sum offset", list_sum([1, 2, 3], 1))


def bin_search(xs, target, lo, hi):
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    if xs[mid] < target:
        return bin_search(xs, target, mid + 1, hi)
    return bin_search(xs, target, lo, mid)


sorted_nums = list(range(0, 600, 3))
found = 0
missing = 0
for t in range(600):
    if bin_search(sorted_nums, t, 0, len(sorted_nums)) >= 0:
        found += 1
    else:
        missing += 1
print("bin_search", found, missing, bin_search(sorted_nums, 297, 0, len(sorted_nums)))


# --- global name rebound mid-run -------------------------------------------------

def countr(n):
    if n == 0:
        return 0
    return 1 + countr(n - 1)


def countr_double(n):
    if n == 0:
        return 1000
    return 2 + countr(n - 1)


orig_countr = countr
cr = []
for i in range(600):
    if i == 500:
        countr = countr_double  # rebound from outside, between top-level calls
    cr.append(orig_countr(5))
print("countr before", cr[0], cr[499], "after", cr[500], cr[599])
countr = orig_countr
print("countr restored", countr(5), orig_countr(8))


calls = 0


def rebinder():
    global calls, walker
    calls += 1
    if calls == 698:
        walker = walker_alt


def walker(n):
    rebinder()
    if n == 0:
        return 0
    return 10 + walker(n - 1)


def walker_alt(n):
    if n == 0:
        return 5
    return 100 + walker_alt(n - 1)


orig_walker = walker
wr = []
for i in range(200):
    wr.append(orig_walker(4))
print("walker first", wr[0], "changes at call", [k for k in range(1, 200) if wr[k] != wr[k - 1]])
print("walker values", sorted(set(wr)))
print("walker now alt", walker is walker_alt, walker(3), orig_walker(3))
walker = orig_walker
print("walker restored", walker(3))


def str_count(n):
    if n == 0:
        return 0
    return 1 + str_count(n - 1)


def str_count_text(n):
    return "x" * n


saved = str_count
res = []
for i in range(400):
    if i == 300:
        str_count = str_count_text  # now the recursive call returns a str... then fails
    try:
        res.append(saved(3))
    except TypeError as e:
        res.append("TypeError")
print("str_count", res[0], res[299], res[300], res[399])
str_count = saved


# --- ackermann, memoized fib, hanoi, aliases ------------------------------------

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print("ack", [ack(m, n) for m in range(3) for n in range(4)], ack(2, 3), ack(3, 3))

memo = {0: 0, 1: 1}


def mfib(n):
    if n in memo:
        return memo[n]
    r = mfib(n - 1) + mfib(n - 2)
    memo[n] = r
    return r


mf = 0
for i in range(300):
    mf += mfib(i % 90)
print("mfib", mf, mfib(100), mfib(150))

moves = 0


def hanoi(n, src, dst, via):
    global moves
    if n == 0:
        return 0
    hanoi(n - 1, src, via, dst)
    moves += 1
    hanoi(n - 1, via, dst, src)
    return moves


for i in range(60):
    hanoi(i % 8, "A", "C", "B")
print("hanoi moves", moves)
moves = 0
print("hanoi 12", hanoi(12, "A", "C", "B"))


def via_alias(n):
    if n <= 0:
        return 1
    return n * alias(n - 1)


alias = via_alias
va = 0
for i in range(300):
    va += via_alias(i % 15)
print("via_alias", va, via_alias(25))


def digits(n):
    if n < 10:
        return [n]
    return digits(n // 10) + [n % 10]


dg = 0
for i in range(1000):
    dg += len(digits(i * 7919))
print("digits", dg, digits(2 ** 70))


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


g = 0
for i in range(1, 800):
    g += gcd(i * 12, 360)
print("gcd", g, gcd(2 ** 80, 6 ** 30), gcd(7.5, 2.5))
