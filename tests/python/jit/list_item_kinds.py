# Lists whose item kinds (all floats / all small ints / mixed) change between and during runs
# of hot loops that read and write them: stores, appends, sort, slices, aliasing, grids,
# globals mutated by calls, NaN/inf/-0.0 and ints near 2**47.


def fsum(a, reps):
    t = 0.0
    for r in range(reps):
        s = 0.0
        for i in range(len(a)):
            s += a[i]
        t += s
    return t


def fsum_iter(a):
    s = 0.0
    for x in a:
        s = s + x * 0.5
    return s


def kinds(a):
    seen = []
    for x in a:
        n = type(x).__name__
        if n not in seen:
            seen.append(n)
    return seen


def try_sum(a, reps):
    try:
        return repr(fsum(a, reps))
    except TypeError as e:
        return "TypeError: " + str(e)


def try_iter(a):
    try:
        return repr(fsum_iter(a))
    except TypeError as e:
        return "TypeError: " + str(e)


def fresh(n):
    return [0.25 * i + 0.125 for i in range(n)]


# --- 1. a float list read in a loop, then something else stored into it
print("== float list then other kinds")
for what in range(12):
    a = fresh(150)
    before = fsum(a, 3)
    if what == 0:
        a[75] = 7
    elif what == 1:
        a[149] = 2 ** 60
    elif what == 2:
        a[0] = None
    elif what == 3:
        a[100] = "str"
    elif what == 4:
        a[10] = True
    elif what == 5:
        a.append(3)
    elif what == 6:
        a.append(2 ** 60 + 1)
    elif what == 7:
        a.insert(40, False)
    elif what == 8:
        a.extend([1.5, 2, None])
    elif what == 9:
        a[20:22] = [1, 2 ** 62, 3]
    elif what == 10:
        a[5:5] = ["x"]
    else:
        a.extend([0.5, -0.5])
    print(what, repr(before), try_sum(a, 2), try_iter(a), kinds(a), len(a))

# the same list, mutated step by step, read again after each step
a = fresh(200)
steps = []
for step in range(6):
    steps.append(try_sum(a, 2))
    if step == 0:
        a[3] = 1
    elif step == 1:
        a[3] = 1.0
    elif step == 2:
        a[199] = -(2 ** 47)
    elif step == 3:
        a[199] = 2 ** 47 - 1
    elif step == 4:
        a[50] = 10 ** 30
print(steps, kinds(a))


# --- 2. aliasing
print("== aliasing")


def alias_rw(a, n):
    b = a
    s = 0.0
    for i in range(n):
        s += a[(i * 7) % n]
        b[i] = i
    return s


a = [1.5] * 120
r1 = alias_rw(a, 120)
r2 = alias_rw(a, 120)
print(repr(r1), repr(r2), kinds(a), a[:5], a[-3:])


def alias_float_rw(a, n):
    for i in range(1, n):
        a[i] = a[i - 1] * 0.5 + a[i]
    return a[n - 1]


a = [float(i % 5) for i in range(100)]
print(repr(alias_float_rw(a, 100)), repr(alias_float_rw(a, 100)), repr(a[37]), kinds(a))
a[50] = 3
print(repr(alias_float_rw(a, 100)), kinds(a))


def two_names(ints, other):
    s = 0
    for i in range(len(ints)):
        s += ints[i]
        other[i] = i * 0.5
    return s


x = list(range(80))
y = list(range(80))
print(two_names(x, y), two_names(x, y), kinds(x), kinds(y))
print(repr(two_names(x, x)), repr(two_names(x, x)), kinds(x), x[:4])


def copy_into(dst, src):
    for i in range(len(src)):
        dst[i] = src[i]
    return dst


src = [0.5 * i for i in range(90)]
dst = [0.0] * 90
copy_into(dst, src)
copy_into(dst, src)
src[45] = True
src[46] = 2 ** 50
src[47] = "s"
copy_into(dst, src)
print(dst[44:49], kinds(dst), kinds(src))
isrc = list(range(90))
idst = [0] * 90
copy_into(idst, isrc)
copy_into(idst, isrc)
isrc[10] = False
isrc[11] = 2 ** 47
isrc[12] = -(2 ** 47)
isrc[13] = 2 ** 47 - 1
copy_into(idst, isrc)
print(idst[9:15], [type(v).__name__ for v in idst[9:15]])


def store_over_object(a, n, hook):
    for i in range(n):
        a[i] = i * 1.25
        if i == hook:
            poke(a, i + 1)
    return a


def poke(a, j):
    a[j] = "object"
    a[j + 5] = [j]


fl = [0.0] * 100
store_over_object(fl, 100, -1)
store_over_object(fl, 100, -1)
store_over_object(fl, 100, 60)
print(repr(sum(fl)), kinds(fl), fl[60:63])
fl = [0.0] * 100
store_over_object(fl, 70, 60)
print(fl[59:68], kinds(fl))


# --- 3. int lists
print("== int lists")


def isum(a, reps):
    t = 0
    for r in range(reps):
        s = 0
        for i in range(len(a)):
            s += a[i] * 3 - a[i] // 2
        t += s
    return t


def imix(a):
    h = 0
    for v in a:
        h = (h * 31 + v) % 1000000007
    return h


z = [0] * 200
print(isum(z, 3), imix(z))
for i in range(200):
    z[i] = i * i
print(isum(z, 3), imix(z))
r = list(range(-100, 150))
print(isum(r, 2), imix(r))
big = [2 ** 47 - 1 - i for i in range(120)]
print(isum(big, 2), imix(big), kinds(big))
big.append(2 ** 47)
print(isum(big, 2), imix(big), kinds(big))
negs = [-(2 ** 47) + 1 + i for i in range(120)]
print(isum(negs, 2), imix(negs))
negs[60] = -(2 ** 47)
print(isum(negs, 2), imix(negs))
r.append(2 ** 60)
print(isum(r, 2), imix(r))
r.append(10 ** 25)
print(isum(r, 2), imix(r))
r[:] = range(250)
print(isum(r, 2), imix(r), kinds(r))


def near_limit(a):
    s = 0
    for i in range(len(a)):
        s = s + a[i] + a[i]
    return s


lim = [2 ** 46 + i for i in range(100)]
print(near_limit(lim), near_limit(lim))
lim[99] = 2 ** 63 - 1
print(near_limit(lim))
lim[99] = True
print(near_limit(lim), kinds(lim))


# --- 4. other kinds stored inside the hot loop
print("== stores inside the loop")


def halve_some(a, k):
    for i in range(len(a)):
        if i % k == 0:
            a[i] = a[i] * 0.5
        else:
            a[i] = a[i] + 1
    return a


def int_total(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s


il = list(range(150))
print(int_total(il), int_total(il))
halve_some(il, 1000)
print(int_total(il), kinds(il))
halve_some(il, 37)
print(repr(int_total(il)), kinds(il), il[:3], il[37], il[74])
print(repr(int_total(il)), repr(fsum(il, 2)))


def ints_into_floats(a):
    for i in range(len(a)):
        if i >= 100:
            a[i] = i
        else:
            a[i] = a[i] + 0.5
    return a


fl = [0.5] * 160
ints_into_floats(fl)
print(repr(fsum(fl, 2)), kinds(fl), fl[99:102])
print(repr(fsum(fl, 2)), int_total([int(v) for v in fl]))


def late_switch(a, n, at, val):
    s = 0.0
    for i in range(n):
        if i == at:
            a[n - 1] = val
        s += a[n - 1 - i]
    return s


fl = [0.75] * 120
print(repr(late_switch(fl, 120, 200, 0)), repr(late_switch(fl, 120, 80, 5)))
fl = [0.75] * 120
print(repr(late_switch(fl, 120, 80, 2 ** 61)))
fl = [0.75] * 120
try:
    late_switch(fl, 120, 80, None)
except TypeError as e:
    print("TypeError", e)


# --- 5. appends to the list being read
print("== append while reading")


def grow(a, n):
    for i in range(n):
        a.append(a[i] * 0.5)
    return a


g = grow([1.0, 3.0], 150)
print(len(g), repr(g[-1]), repr(fsum(g, 1)), kinds(g))
g = grow([1, 3], 150)
print(len(g), repr(g[-1]), repr(fsum(g, 1)), kinds(g))


def grow_mixed(a, n):
    for i in range(n):
        if i % 3 == 0:
            a.append(i)
        else:
            a.append(a[i] + 0.25)
    return a


g = grow_mixed([0.5, 1.5], 200)
print(len(g), repr(fsum(g, 1)), kinds(g), g[:8])
g = grow_mixed([0.5, 1.5], 200)
print(repr(g[150]), repr(g[199]), repr(fsum(g, 2)))


def grow_int(a, n):
    for i in range(n):
        a.append(a[i] + a[i + 1])
        if a[-1] > 1000000000:
            a[-1] = a[-1] % 1000
    return a


g = grow_int([1, 1], 250)
print(len(g), int_total(g), g[-3:])
g = grow_int([1, 2 ** 46], 100)
print(int_total(g), g[-2:])


# --- 6. list operations between loops
print("== list operations")
a = [((i * 37) % 101) * 0.5 for i in range(200)]
out = []
out.append(repr(fsum(a, 2)))
a.sort()
out.append(repr(fsum(a, 2)))
a.reverse()
out.append(repr(fsum(a, 2)))
a[:] = [i for i in range(200)]
out.append(repr(fsum(a, 2)))
a[:] = [i * 1.5 for i in range(200)]
out.append(repr(fsum(a, 2)))
del a[7]
out.append(repr(fsum(a, 2)))
p = a.pop()
out.append(repr(fsum(a, 2)) + " " + repr(p))
a *= 2
out.append(repr(fsum(a, 2)) + " " + str(len(a)))
a += [1, 2.5]
out.append(repr(fsum(a, 2)))
a += [0.5]
out.append(repr(fsum(a, 2)))
b = a[:]
b[0] = 99
out.append(repr(fsum(a, 2)) + " " + repr(fsum(b, 2)))
c = list(b)
c.sort()
out.append(repr(fsum(c, 2)) + " " + repr(c[0]) + " " + repr(c[-1]))
d = [v * 2 for v in c]
out.append(repr(fsum(d, 2)))
e = [int(v) for v in d]
out.append(repr(isum(e, 2)))
e.reverse()
e.sort()
out.append(repr(isum(e, 2)) + " " + repr(e[:3]))
e[10:20] = [0.5] * 10
out.append(repr(fsum(e, 2)) + " " + repr(kinds(e)))
del e[10:20]
out.append(repr(isum(e, 2)) + " " + repr(kinds(e)))
e.insert(0, 2 ** 60)
out.append(repr(isum(e, 2)))
e.pop(0)
out.append(repr(isum(e, 2)) + " " + repr(kinds(e)))
e.remove(e[5])
e.clear()
e.extend(range(100))
out.append(repr(isum(e, 2)))
f = [0.5] * 100 + [1] * 50
f.sort()
out.append(repr(fsum(f, 1)) + " " + repr(f[49:52]))
f = [2.0, 1, 3.0, 0] * 30
f.sort()
out.append(repr(f[:3]) + " " + repr(f[-3:]) + " " + repr(fsum(f, 1)))
f[::2] = [0.25] * 60
out.append(repr(fsum(f, 2)) + " " + repr(kinds(f)))
f[1::2] = [7] * 60
out.append(repr(fsum(f, 2)) + " " + repr(kinds(f)))
f[1::2] = [7.5] * 60
out.append(repr(fsum(f, 2)) + " " + repr(kinds(f)))
for line in out:
    print(line)

# sort/reverse inside functions run repeatedly
def sort_and_sum(a):
    a.sort()
    s = 0.0
    for i in range(len(a)):
        s = s * 0.5 + a[i]
    a.reverse()
    t = 0.0
    for i in range(len(a)):
        t = t * 0.5 + a[i]
    return s, t


m = [((i * 13) % 47) * 0.25 for i in range(140)]
print(sort_and_sum(m), sort_and_sum(m))
m[70] = 3
print(sort_and_sum(m))
m[71] = True
print(sort_and_sum(m))
m[:] = m[::-1]
print(sort_and_sum(m), kinds(m))


# --- 7. NaN, inf and -0.0 items
print("== nan inf -0.0")
INF = float("inf")
NAN = float("nan")


def special_stats(a):
    s = 0.0
    lo = INF
    hi = -INF
    nans = 0
    negz = 0
    for i in range(len(a)):
        v = a[i]
        if v != v:
            nans += 1
            continue
        if v == 0.0 and str(v) == "-0.0":
            negz += 1
        if v < lo:
            lo = v
        if v > hi:
            hi = v
        s += v
    return s, lo, hi, nans, negz


sp = []
for i in range(120):
    k = i % 6
    if k == 0:
        sp.append(-0.0)
    elif k == 1:
        sp.append(1.5)
    elif k == 2:
        sp.append(-2.25)
    else:
        sp.append(0.0)
print(repr(special_stats(sp)), repr(special_stats(sp)))
sp[30] = NAN
sp[31] = NAN
print(repr(special_stats(sp)))
sp[40] = INF
print(repr(special_stats(sp)))
sp[41] = -INF
print(repr(special_stats(sp)))


def copy_neg(a):
    b = [1.0] * len(a)
    for i in range(len(a)):
        b[i] = a[i] * 1.0
    return b


nz = [-0.0] * 60 + [0.0] * 60
cp = copy_neg(nz)
cp = copy_neg(nz)
print(repr(cp[58:62]), repr(copy_neg([NAN, INF, -INF, -0.0] * 20)[:4]))
nz[59] = 0
cp = copy_neg(nz)
print(repr(cp[57:62]), kinds(cp))


def min_loop(a):
    m = a[0]
    for i in range(1, len(a)):
        if a[i] < m:
            m = a[i]
    return m


zs = [0.0] * 100
zs[50] = -0.0
print(repr(min_loop(zs)), repr(min_loop(zs)))
zs[60] = -1
print(repr(min_loop(zs)))


# --- 8. lists of lists: a Jacobi stencil
print("== grid stencil")


def jacobi(grid, steps, swap_at, row):
    n = len(grid)
    w = len(grid[0])
    for step in range(steps):
        if step == swap_at:
            grid[row] = [1] + [0.0] * (w - 2) + [1]
        new = [grid[0][:]]
        for i in range(1, n - 1):
            up = grid[i - 1]
            mid = grid[i]
            dn = grid[i + 1]
            nr = [mid[0]]
            for j in range(1, w - 1):
                nr.append(0.25 * (up[j] + dn[j] + mid[j - 1] + mid[j + 1]))
            nr.append(mid[w - 1])
            new.append(nr)
        new.append(grid[n - 1][:])
        grid = new
    return grid


def grid_total(grid):
    t = 0.0
    for i in range(len(grid)):
        row = grid[i]
        for j in range(len(row)):
            t += row[j]
    return t


def make_grid(n, w):
    g = []
    for i in range(n):
        if i == 0:
            g.append([100.0] * w)
        else:
            g.append([0.0] * w)
    return g


g = jacobi(make_grid(12, 20), 8, -1, 0)
print(repr(grid_total(g)), repr(g[1][10]), repr(g[5][1]))
g = jacobi(make_grid(12, 20), 8, 4, 6)
print(repr(grid_total(g)), repr(g[6][0]), repr(g[6][19]), repr(g[6][10]), kinds(g[6]))
g = jacobi(make_grid(12, 20), 8, 0, 11)
print(repr(grid_total(g)), kinds(g[11]), kinds(g[10]))


def jacobi_inplace(grid, steps):
    n = len(grid)
    w = len(grid[0])
    for step in range(steps):
        for i in range(1, n - 1):
            up = grid[i - 1]
            mid = grid[i]
            dn = grid[i + 1]
            for j in range(1, w - 1):
                mid[j] = (up[j] + dn[j] + mid[j - 1] + mid[j + 1]) * 0.25
    return grid


g = make_grid(10, 25)
jacobi_inplace(g, 5)
print(repr(grid_total(g)))
g[4] = [0] * 25
jacobi_inplace(g, 5)
print(repr(grid_total(g)), kinds(g[4]), kinds(g[3]))
g[9] = list(range(25))
jacobi_inplace(g, 5)
print(repr(grid_total(g)), kinds(g[9]), kinds(g[8]))


# --- 9. a global list mutated by a function called between loop runs
print("== global list")
G = [0.25 * i for i in range(100)]


def gsum():
    s = 0.0
    for i in range(len(G)):
        s += G[i]
    return s


def gsum_int():
    s = 0
    for v in G:
        s += v
    return s


def mutate(k):
    global G
    if k == 0:
        G[10] = 5
    elif k == 1:
        G.append(2 ** 60)
    elif k == 2:
        G[10] = 0.5
        G.pop()
    elif k == 3:
        G = [i for i in range(100)]
    elif k == 4:
        G[99] = 2 ** 47
    elif k == 5:
        G.sort(reverse=True)
    elif k == 6:
        G[0] = 1.25
    elif k == 7:
        G = [0.5] * 100


res = []
for k in range(8):
    res.append(repr(gsum()) + "/" + repr(gsum_int()))
    mutate(k)
res.append(repr(gsum()) + "/" + repr(gsum_int()))
for line in res:
    print(line)


def poison():
    G[60] = None


def gsum_calling(n):
    s = 0.0
    for i in range(n):
        if i == 50:
            poison()
        s += G[i]
    return s


G = [0.5] * 100
print(repr(gsum_calling(55)))
try:
    print(gsum_calling(100))
except TypeError as e:
    print("TypeError", e)


def add_big():
    G.append(2 ** 62)
    G[0] = 2 ** 61


def isum_calling(n):
    s = 0
    for i in range(n):
        if i == 40:
            add_big()
        s += G[i]
    return s


G = list(range(100))
print(isum_calling(100), isum_calling(101), len(G))


# --- 10. module-level hot loops
print("== module level")
ml = [0.5 * i for i in range(250)]
tot = []
for rep in range(4):
    s = 0.0
    for i in range(len(ml)):
        s += ml[i]
    tot.append(repr(s))
    if rep == 0:
        ml[100] = 1
    elif rep == 1:
        ml[101] = 2 ** 60
    elif rep == 2:
        ml[100] = 2.5
        ml[101] = 3.5
print(tot)

mi = list(range(200))
tot = []
for rep in range(4):
    s = 0
    for v in mi:
        s += v * v
    tot.append(s)
    if rep == 0:
        mi[5] = 2 ** 47
    elif rep == 1:
        mi[6] = 0.5
    else:
        mi[:] = [3] * 200
print(tot, kinds(mi))

mw = [1.0] * 120
for rep in range(3):
    for i in range(1, len(mw)):
        mw[i] = mw[i - 1] + mw[i] * 0.5
    if rep == 1:
        mw[60] = 7
print(repr(mw[-1]), repr(mw[59]), repr(mw[60]), kinds(mw))

ma = [0.125] * 50
i = 0
while i < 150:
    ma.append(i if i % 4 == 0 else ma[i] + 0.5)
    i += 1
print(len(ma), repr(ma[-1]), repr(fsum(ma, 1)), kinds(ma))

# bools and small ints look alike; the item kept must stay a bool
bl = [True, False] * 60
out = [0] * 120
for rep in range(3):
    for i in range(len(bl)):
        out[i] = bl[i]
print(out[:4], [type(v).__name__ for v in out[:2]], sum(out))
bi = list(range(120))
bi[50] = True
s = 0
dup = []
for v in bi:
    s += v
    dup.append(v)
print(s, dup[49:52], kinds(dup))


# --- 11. a call inside the hot loop changes the kinds of the list being read
print("== calls inside the loop")


def put(a, j, v):
    a[j] = v


def read_with_put(a, at, j, v):
    s = 0.0
    k = 0.0
    n = 0
    for i in range(len(a)):
        if i == at:
            put(a, j, v)
        s += a[i]
        k = k * 0.5 + a[i]
        n += a[i] - 1
    return s, k, n


for v in (0.5, 3, 2 ** 60, True, -(2 ** 47), 2 ** 47 - 1, 7.0):
    fl = [1.25] * 130
    r0 = read_with_put(fl, 500, 0, 0.0)
    r1 = read_with_put(fl, 60, 90, v)
    r2 = read_with_put(fl, 500, 0, 0.0)
    print(repr(r0), repr(r1), repr(r2), kinds(fl))
for v in (1, 0.5, 2 ** 60, False):
    il = list(range(130))
    r0 = read_with_put(il, 500, 0, 0)
    r1 = read_with_put(il, 60, 90, v)
    r2 = read_with_put(il, 500, 0, 0)
    print(repr(r0), repr(r1), repr(r2), kinds(il))
