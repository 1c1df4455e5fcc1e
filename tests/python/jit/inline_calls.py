# Hot loops that call small module-level Python functions, so a recorder that inlines
# calls into loop traces sees them: one- and two-argument callees, chains of calls two
# and three levels deep, callees that branch on their argument, return bools, tuples,
# floats, run their own small loops, call builtins, and whose result type or branch
# changes after the loop is hot.  Loops run at module level and inside functions.


def inc(x):
    return x + 1


def add(a, b):
    return a + b


def scale(x):
    return x * 3 - 7


def half(x):
    return x / 2


# One- and two-argument callees returning ints and floats, at module level.
acc = 0
facc = 0.0
for k in range(3000):
    acc += inc(k)
    acc = add(acc, k % 7)
    facc += half(k)
print("simple", acc, facc)


# Chains: f3 -> f2 -> f1, two and three levels deep.
def f1(x):
    return x * 2


def f2(x):
    return f1(x) + f1(x + 1)


def f3(x, y):
    return f2(x) - f1(y) + inc(y)


acc = 0
for k in range(3000):
    acc += f2(k) + f3(k, k % 11)
print("chain", acc)


# A conditional expression on the argument inside the callee.
def pick(x):
    y = 1 if x else 2
    return y


def pick_mod(x):
    return 10 if x % 3 == 0 else -1


acc = 0
for k in range(3000):
    acc += pick(k % 4) + pick_mod(k)
print("branch", acc)


# A callee that returns a comparison (a bool) which the caller adds to an int.
def is_big(x):
    return x > 1500


def is_even(x):
    return x % 2 == 0


acc = 0
for k in range(3000):
    acc += is_big(k) + 1
    acc += is_even(k)
print("bool", acc, is_big(2000) + is_big(3), type(is_big(1) + 1).__name__)


# A callee returning a tuple: passed to sum(...) and unpacked.
def pair(x):
    return (x, x * x)


def triple(x):
    return x, x + 1, x + 2


acc = 0
acc2 = 0
for k in range(3000):
    acc += sum(pair(k))
    a, b = pair(k % 50)
    p, q, r = triple(k)
    acc2 += a - b + p * q - r
print("tuple", acc, acc2)


# A callee with its own small (nested) for loops over constant ranges.
def unrolled():
    ret = 0
    for i in range(1, 3):
        for j in range(1, 4):
            ret += i * j
    return ret


def small_loop(x):
    s = 0
    for i in range(1, 3):
        s += x * i
    return s


acc = 0
for k in range(3000):
    acc += unrolled() + small_loop(k)
print("inner loops", acc)


# Float arguments and a float result.
def lerp(a, b, t):
    return a + (b - a) * t


def fmix(x, y):
    return x * 0.5 + y * 0.25


facc = 0.0
for k in range(3000):
    t = k / 3000.0
    facc += lerp(1.5, -2.25, t) + fmix(t, 1.0 + t)
print("float", f"{facc:.9f}", repr(facc))


# Builtins called from the callee.
def mag(x):
    return abs(x - 1000)


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def length_of(s):
    return len(s) + 1


words = ["a", "bb", "ccc", "", "eeeee"]
acc = 0
for k in range(3000):
    acc += mag(k) + clamp(k, 500, 2500) + length_of(words[k % 5])
print("builtins", acc)


# The callee's result type changes mid-loop: int, then float, then an int past 2**63,
# then a str (the loop collects str results separately).
def varying(k):
    if k < 800:
        return k
    if k < 1600:
        return k * 0.5
    if k < 2400:
        return 2**63 + k
    return "s" + str(k % 10)


iacc = 0
facc = 0.0
strs = []
for k in range(3200):
    v = varying(k)
    if type(v) is str:
        strs.append(v)
    elif type(v) is float:
        facc += v
    else:
        iacc += v
print("varying", iacc, facc, len(strs), "".join(strs[:12]))


# A callee whose taken branch changes after iteration 2000.
def path(x):
    if x < 2000:
        return x + 1
    else:
        return x * 2


def path_flag(x, flag):
    if flag:
        return -x
    return x


acc = 0
for k in range(3500):
    acc += path(k) + path_flag(k, k >= 2000)
print("path", acc)


# The same kinds of calls from loops inside a function (locals instead of globals).
def driver(n):
    total = 0
    ftotal = 0.0
    bools = 0
    for k in range(n):
        total += f3(k, k % 5) + pick(k & 1) + unrolled()
        a, b = pair(k)
        total += a + b - sum(triple(k))
        bools += is_big(k) + 1
        ftotal += lerp(0.0, 1.0, k / n) + half(k)
        total += mag(k) + clamp(k, 100, 200)
    return total, bools, ftotal


t, b, f = driver(3000)
print("driver", t, b, f"{f:.6f}")


def driver_varying(n):
    acc = 0
    last = None
    count_str = 0
    i = 0
    while i < n:
        v = varying(i)
        if isinstance(v, str):
            count_str += 1
        elif isinstance(v, int):
            acc = acc + v
        else:
            acc = acc - int(v)
        last = v
        i += 1
    return acc, count_str, last


print("driver_varying", driver_varying(3200))


# A while loop calling a two-level chain with a float/int mix.
def g1(x):
    return x * 1.5


def g2(x, n):
    return g1(x) + n


i = 0
facc = 0.0
while i < 3000:
    facc = g2(facc, i) * 0.5
    i += 1
print("while", repr(facc))
