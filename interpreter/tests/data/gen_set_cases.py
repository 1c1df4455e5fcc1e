#!/usr/bin/env python3
"""Generate tests/data/cases.txt: CPython 3.11 set behaviour for the Rust replay test.

Run with CPython 3.11 (`python3 gen_cases.py [output]`).  The output is
deterministic (fixed seeds; int, float and custom-object hashes do not depend
on PYTHONHASHSEED).

Random operation sequences are run on real sets and frozensets, and after
every operation the slot order (`list(s)`) and table size (from
`sys.getsizeof`) of each set it produced or changed are recorded, together
with its return value; in "logged" episodes the elements are custom objects
whose `__eq__` records every call, and the sequence of `(stored, probe)`
comparisons is recorded too.  Nothing is written by hand: every expectation is
what CPython did.

File format (one record per line, space-separated):
  episode NAME                 start a fresh namespace and object table
  obj ID HASH VALUE KIND       declare object ID: CPython hash, value (int),
                               KIND i=int, f=float (integral), c=custom,
                               b=custom whose __eq__ raises
  objs ID COUNT VALUE HASH     declare ints ID+k (k < COUNT) with value VALUE+k
                               and CPython hash HASH+k
  OP ARGS...                   an operation (see OPS below); names are
                               variables, numbers after them object ids
  ? val X                      the operation returned X (True/False/None/an
                               object id/an int/KeyError/Error)
  ? eq A:B A:B ...             (logged episodes) __eq__ calls, stored:probe
  ? set NAME SIZE ID ID ...    NAME's table has SIZE slots and iterates as IDs
A list of object ids may abbreviate a run of consecutive ids as FIRST-LAST.
"""

import random
import sys

P = (1 << 61) - 1
LOG = []


class Boom(Exception):
    pass


class C:
    """An element with a chosen hash whose __eq__ is logged (and may raise)."""

    __slots__ = ("v", "h", "boom", "oid")

    def __init__(self, v, h, boom=False):
        self.v = v
        self.h = h
        self.boom = boom
        self.oid = None

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        LOG.append((self.oid, other.oid))
        if self.boom or other.boom:
            raise Boom()
        return self.v == other.v


EMPTY_SIZE = {set: sys.getsizeof(set()), frozenset: sys.getsizeof(frozenset())}


def compress(nums):
    """Ids as tokens, runs of three or more consecutive ids written FIRST-LAST."""
    out = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{nums[i]}-{nums[j]}")
        else:
            out.extend(str(n) for n in nums[i:j + 1])
        i = j + 1
    return out


def table_size(s):
    return (sys.getsizeof(s) - EMPTY_SIZE[type(s)]) // 16 or 8


class Episode:
    def __init__(self, w, name, rng, logged):
        self.w = w
        self.rng = rng
        self.logged = logged
        self.ids = {}  # id(object) -> object id in the file
        self.keep = []  # keeps every declared object alive (stable id())
        self.vars = {}
        w.write(f"episode {name}\n")

    # ---- objects -------------------------------------------------------
    def declare(self, o):
        k = id(o)
        if k in self.ids:
            return self.ids[k]
        n = len(self.keep)
        self.ids[k] = n
        self.keep.append(o)
        if isinstance(o, C):
            o.oid = n
            kind, v = ("b" if o.boom else "c"), o.v
        elif isinstance(o, float):
            kind, v = "f", int(o)
        else:
            kind, v = "i", o
        self.w.write(f"obj {n} {hash(o)} {v} {kind}\n")
        return n

    def declare_ints(self, xs):
        """Declare many ints, writing runs of new consecutive ints compactly."""
        i = 0
        while i < len(xs):
            j = i
            if id(xs[i]) not in self.ids and type(xs[i]) is int:
                while (j + 1 < len(xs) and type(xs[j + 1]) is int and id(xs[j + 1]) not in self.ids
                       and xs[j + 1] == xs[j] + 1 and hash(xs[j + 1]) == hash(xs[j]) + 1):
                    j += 1
            if j - i >= 2:
                n = len(self.keep)
                self.w.write(f"objs {n} {j - i + 1} {xs[i]} {hash(xs[i])}\n")
                for k, o in enumerate(xs[i:j + 1]):
                    self.ids[id(o)] = n + k
                    self.keep.append(o)
            else:
                for o in xs[i:j + 1]:
                    self.declare(o)
            i = j + 1

    def idlist(self, xs):
        return compress([self.oid(x) for x in xs])

    def oid(self, o):
        return self.ids[id(o)]

    # ---- records -------------------------------------------------------
    def op(self, *tokens):
        self.w.write(" ".join(str(t) for t in tokens) + "\n")

    def val(self, v):
        if isinstance(v, bool) or v is None:
            text = str(v)
        elif isinstance(v, str):
            text = v
        else:
            text = str(v)
        self.w.write(f"? val {text}\n")

    def show(self, name):
        s = self.vars[name]
        ids = " ".join(self.idlist(s))
        self.w.write(f"? set {name} {table_size(s)} {ids}".rstrip() + "\n")

    def run(self, tokens, fn, shows=(), want_val=False):
        """Record an operation, run it, record its outcome."""
        self.op(*tokens)
        LOG.clear()
        try:
            result = fn()
            error = None
        except KeyError:
            result, error = None, "KeyError"
        except Boom:
            result, error = None, "Error"
        calls = list(LOG)
        if error is not None:
            self.val(error)
        elif want_val:
            self.val(result)
        if self.logged:
            self.w.write("? eq " + " ".join(f"{a}:{b}" for a, b in calls) + "\n")
        for name in shows:
            if name in self.vars:
                self.show(name)
        return error is None


# ---- element pools -----------------------------------------------------

def int_pool(rng, n):
    """Ints (and integral floats equal to some of them) with nasty hashes."""
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.25:
            v = rng.randrange(-40, 120)
        elif r < 0.45:
            v = rng.randrange(-6, 40) * rng.choice([8, 16, 32, 64, 128, 1024])
        elif r < 0.55:
            v = rng.choice([1, -1]) * ((1 << 40) + rng.randrange(64) * rng.choice([1, 8, 32]))
        elif r < 0.7:
            k = rng.randrange(-20, 64) * rng.choice([1, 8, 32])
            v = rng.choice([P + k, 2 * P + k, (1 << 61) + k, (1 << 62) + k,
                            (1 << 63) + k, (1 << 64) + k, 5 * P + k])
            v *= rng.choice([1, 1, -1])
        elif r < 0.75:
            v = rng.choice([-1, -2, 0, 1, 2, -(1 << 61), P, -P, P - 1, 1 << 61])
        elif r < 0.85:
            v = rng.getrandbits(64) - (1 << 63)
        else:
            v = rng.randrange(-(1 << 20), 1 << 20)
        out.append(v)
        if abs(v) < (1 << 52) and rng.random() < 0.15:
            out.append(float(v))
    # Some floats equal to ints already present.
    for v in rng.sample(out, min(len(out), max(1, n // 10))):
        if isinstance(v, int) and abs(v) < (1 << 52):
            out.append(float(v))
    return out


HASH_CHOICES = [0, 1, 2, 7, 8, 9, 16, 24, 64, 65, 512, -2, -8, -9, -64,
                (1 << 63) - 1, -(1 << 63), (1 << 32), (1 << 62) + 8, -(1 << 62),
                (1 << 40) + 3]


def custom_pool(rng, n):
    nvals = max(2, n // 2)
    hashes = [rng.choice(HASH_CHOICES) if rng.random() < 0.7 else rng.getrandbits(64) - (1 << 63)
              for _ in range(max(1, nvals // 3))]
    out = []
    for _ in range(n):
        v = rng.randrange(nvals)
        h = hashes[v % len(hashes)]
        if rng.random() < 0.05:
            h = rng.choice(HASH_CHOICES)  # an equal value with another hash
        out.append(C(v, h))
    for _ in range(rng.choice([0, 0, 1, 2])):
        out.append(C(rng.randrange(nvals), rng.choice(hashes), boom=True))
    return out


# ---- random episodes -----------------------------------------------------

NAMES = [f"n{i}" for i in range(7)]


def random_episode(w, name, rng, logged, nops):
    ep = Episode(w, name, rng, logged)
    psize = rng.choice([6, 12, 25, 60, 150, 400])
    pool = custom_pool(rng, psize) if logged else int_pool(rng, psize)
    for o in pool:
        ep.declare(o)
    V = ep.vars

    def items(lo=0, hi=None):
        hi = hi if hi is not None else min(len(pool) * 2, 60)
        k = rng.randrange(lo, max(lo + 1, hi))
        if rng.random() < 0.15:
            k = rng.randrange(0, len(pool) * 2 + 1)
        return [rng.choice(pool) for _ in range(k)]

    def ids(xs):
        return [ep.oid(x) for x in xs]

    def any_var():
        return rng.choice(sorted(V))

    def set_var():
        c = sorted(n for n, s in V.items() if type(s) is set)
        return rng.choice(c) if c else None

    def dest():
        return rng.choice(NAMES)

    def assign(d, value):
        V[d] = value

    # Seed a few variables.
    for _ in range(3):
        d = dest()
        xs = items()
        ep.run(["fromlist", d] + ids(xs), lambda d=d, xs=xs: assign(d, set(xs)), [d])

    for _ in range(nops):
        if not V:
            d = dest()
            ep.run(["new", d], lambda d=d: assign(d, set()), [d])
        choice = rng.choice(OPS)
        choice(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged)
    return ep


# Each OPS entry records one random operation.

def op_construct(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    d = dest()
    k = rng.randrange(7)
    if k == 0:
        ep.run(["new", d], lambda: assign(d, set()), [d])
    elif k == 1:
        xs = items()
        ep.run(["fromlist", d] + ids(xs), lambda: assign(d, set(xs)), [d])
    elif k == 2:
        xs = items()
        ep.run(["ffromlist", d] + ids(xs), lambda: assign(d, frozenset(xs)), [d])
    elif k == 3 and not logged:
        xs = items()
        dk = dict.fromkeys(xs)
        ep.run(["fromdict", d] + ids(dk), lambda: assign(d, set(dk)), [d])
    elif k == 4:
        a = any_var()
        ep.run(["fromset", d, a], lambda: assign(d, set(V[a])), [d])
    elif k == 5:
        a = any_var()
        ep.run(["ffromset", d, a], lambda: assign(d, frozenset(V[a])), [d])
    else:
        a = any_var()
        ep.run(["copy", d, a], lambda: assign(d, V[a].copy()), [d])


def op_init(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    if rng.random() < 0.5:
        xs = items()
        ep.run(["init", s] + ids(xs), lambda: V[s].__init__(xs), [s])
    else:
        t = any_var()
        ep.run(["initset", s, t], lambda: V[s].__init__(V[t]), [s])


def op_single(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    x = rng.choice(pool)
    k = rng.randrange(6)
    if k <= 1:
        ep.run(["add", s, ep.oid(x)], lambda: V[s].add(x), [s])
    elif k == 2:
        ep.run(["discard", s, ep.oid(x)], lambda: V[s].discard(x), [s])
    elif k == 3:
        ep.run(["remove", s, ep.oid(x)], lambda: V[s].remove(x), [s], want_val=True)
    elif k == 4:
        ep.run(["pop", s], lambda: ep.oid(V[s].pop()), [s], want_val=True)
    else:
        a = any_var()
        ep.run(["contains", a, ep.oid(x)], lambda: x in V[a], [], want_val=True)


def op_burst(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    """Several pops/adds/discards in a row (exercises finger and dummies)."""
    s = set_var()
    if s is None:
        return
    for _ in range(rng.randrange(1, 12)):
        k = rng.randrange(3)
        x = rng.choice(pool)
        if k == 0:
            ep.run(["pop", s], lambda: ep.oid(V[s].pop()), [s], want_val=True)
        elif k == 1:
            ep.run(["add", s, ep.oid(x)], lambda: V[s].add(x), [s])
        else:
            ep.run(["discard", s, ep.oid(x)], lambda: V[s].discard(x), [s])


def op_clear(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is not None:
        ep.run(["clear", s], lambda: V[s].clear(), [s])


def others(rng, any_var, s):
    n = rng.choice([1, 1, 1, 2, 3])
    out = []
    for _ in range(n):
        out.append(s if rng.random() < 0.15 else any_var())
    return out


def op_update(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    k = rng.randrange(5)
    if k == 0:
        ts = others(rng, any_var, s)
        ep.run(["update", s] + ts, lambda: V[s].update(*[V[t] for t in ts]), [s])
    elif k == 1:
        xs = items()
        ep.run(["updlist", s] + ids(xs), lambda: V[s].update(xs), [s])
    elif k == 2 and not logged:
        dk = dict.fromkeys(items())
        ep.run(["upddict", s] + ids(dk), lambda: V[s].update(dk), [s])
    else:
        t = s if rng.random() < 0.15 else any_var()

        def f():
            V[s] |= V[t]
        ep.run(["ior", s, t], f, [s])


def op_union(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    d, a = dest(), any_var()
    k = rng.randrange(3)
    if k == 0:
        ts = others(rng, any_var, a)
        ep.run(["union", d, a] + ts, lambda: assign(d, V[a].union(*[V[t] for t in ts])), [d])
    elif k == 1:
        b = a if rng.random() < 0.15 else any_var()
        ep.run(["or", d, a, b], lambda: assign(d, V[a] | V[b]), [d])
    else:
        xs = items()
        ep.run(["unionlist", d, a] + ids(xs), lambda: assign(d, V[a].union(xs)), [d])


def op_inter(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    d, a = dest(), any_var()
    k = rng.randrange(3)
    if k == 0:
        ts = others(rng, any_var, a)
        ep.run(["inter", d, a] + ts, lambda: assign(d, V[a].intersection(*[V[t] for t in ts])), [d])
    elif k == 1:
        b = a if rng.random() < 0.15 else any_var()
        ep.run(["and", d, a, b], lambda: assign(d, V[a] & V[b]), [d])
    else:
        xs = items()
        ep.run(["interlist", d, a] + ids(xs), lambda: assign(d, V[a].intersection(xs)), [d])


def op_inter_update(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    k = rng.randrange(3)
    if k == 0:
        ts = others(rng, any_var, s)
        ep.run(["interupd", s] + ts, lambda: V[s].intersection_update(*[V[t] for t in ts]), [s])
    elif k == 1:
        xs = items()
        ep.run(["interupdlist", s] + ids(xs), lambda: V[s].intersection_update(xs), [s])
    else:
        t = s if rng.random() < 0.15 else any_var()

        def f():
            V[s] &= V[t]
        ep.run(["iand", s, t], f, [s])


def op_diff(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    d, a = dest(), any_var()
    k = rng.randrange(4)
    if k == 0:
        ts = others(rng, any_var, a)
        ep.run(["diff", d, a] + ts, lambda: assign(d, V[a].difference(*[V[t] for t in ts])), [d])
    elif k == 1:
        b = a if rng.random() < 0.15 else any_var()
        ep.run(["sub", d, a, b], lambda: assign(d, V[a] - V[b]), [d])
    elif k == 2 or logged:
        xs = items()
        ep.run(["difflist", d, a] + ids(xs), lambda: assign(d, V[a].difference(xs)), [d])
    else:
        dk = dict.fromkeys(items(0, rng.choice([3, 10, 60])))
        ep.run(["diffdict", d, a] + ids(dk), lambda: assign(d, V[a].difference(dk)), [d])


def op_diff_update(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    k = rng.randrange(3)
    if k == 0:
        ts = others(rng, any_var, s)
        ep.run(["diffupd", s] + ts, lambda: V[s].difference_update(*[V[t] for t in ts]), [s])
    elif k == 1:
        xs = items()
        ep.run(["diffupdlist", s] + ids(xs), lambda: V[s].difference_update(xs), [s])
    else:
        t = s if rng.random() < 0.15 else any_var()

        def f():
            V[s] -= V[t]
        ep.run(["isub", s, t], f, [s])


def op_symdiff(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    d, a = dest(), any_var()
    k = rng.randrange(3)
    if k == 0:
        b = a if rng.random() < 0.15 else any_var()
        ep.run(["symdiff", d, a, b], lambda: assign(d, V[a].symmetric_difference(V[b])), [d])
    elif k == 1:
        b = a if rng.random() < 0.15 else any_var()
        ep.run(["xor", d, a, b], lambda: assign(d, V[a] ^ V[b]), [d])
    else:
        xs = items()
        ep.run(["symdifflist", d, a] + ids(xs), lambda: assign(d, V[a].symmetric_difference(xs)), [d])


def op_symdiff_update(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    s = set_var()
    if s is None:
        return
    k = rng.randrange(4)
    if k == 0:
        t = s if rng.random() < 0.15 else any_var()
        ep.run(["symupd", s, t], lambda: V[s].symmetric_difference_update(V[t]), [s])
    elif k == 1:
        xs = items()
        ep.run(["symupdlist", s] + ids(xs), lambda: V[s].symmetric_difference_update(xs), [s])
    elif k == 2 and not logged:
        dk = dict.fromkeys(items())
        ep.run(["symupddict", s] + ids(dk), lambda: V[s].symmetric_difference_update(dk), [s])
    else:
        t = s if rng.random() < 0.15 else any_var()

        def f():
            V[s] ^= V[t]
        ep.run(["ixor", s, t], f, [s])


CMP = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
       "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def op_query(ep, rng, V, pool, items, ids, any_var, set_var, dest, assign, logged):
    a = any_var()
    b = a if rng.random() < 0.1 else any_var()
    k = rng.randrange(9)
    if k == 0:
        ep.run(["issubset", a, b], lambda: V[a].issubset(V[b]), [], want_val=True)
    elif k == 1:
        ep.run(["issuperset", a, b], lambda: V[a].issuperset(V[b]), [], want_val=True)
    elif k == 2:
        ep.run(["isdisjoint", a, b], lambda: V[a].isdisjoint(V[b]), [], want_val=True)
    elif k == 3:
        xs = items()
        ep.run(["issubsetlist", a] + ids(xs), lambda: V[a].issubset(xs), [], want_val=True)
    elif k == 4:
        xs = items()
        ep.run(["issupersetlist", a] + ids(xs), lambda: V[a].issuperset(xs), [], want_val=True)
    elif k == 5:
        xs = items()
        ep.run(["isdisjointlist", a] + ids(xs), lambda: V[a].isdisjoint(xs), [], want_val=True)
    elif k <= 7:
        op = rng.choice(sorted(CMP))
        ep.run(["cmp", a, op, b], lambda: CMP[op](V[a], V[b]), [], want_val=True)
    else:
        ep.run(["hash", a], lambda: hash(V[a]) if type(V[a]) is frozenset else hash(frozenset(V[a])),
               [], want_val=True)


OPS = ([op_construct] * 3 + [op_init] + [op_single] * 4 + [op_burst] * 2 + [op_clear]
       + [op_update] * 2 + [op_union] * 2 + [op_inter] * 2 + [op_inter_update] * 2
       + [op_diff] * 2 + [op_diff_update] * 2 + [op_symdiff] * 2 + [op_symdiff_update] * 2
       + [op_query] * 2)


# ---- a scripted episode with sets past 50000 elements --------------------

def big_episode(w, rng):
    ep = Episode(w, "big", rng, False)
    V = ep.vars

    def fresh(n, lo, hi, step):
        xs = [rng.randrange(lo, hi) * step for _ in range(n)]
        ep.declare_ints(xs)
        return xs

    def setv(name, value):
        V[name] = value

    # Random ints: growth through 131072 slots, then past 50000 elements.
    base = fresh(60000, -(1 << 20), 1 << 20, rng.choice([1, 8]))
    ep.run(["fromlist", "a"] + ep.idlist(base), lambda: setv("a", set(base)), ["a"])
    ep.run(["copy", "b", "a"], lambda: setv("b", V["a"].copy()), ["b"])
    more = fresh(25000, 1 << 21, 1 << 23, 1)
    ep.run(["updlist", "b"] + ep.idlist(more), lambda: V["b"].update(more), ["b"])
    small = fresh(40, -(1 << 20), 1 << 20, 1) + base[:20]
    ep.run(["fromlist", "c"] + ep.idlist(small), lambda: setv("c", set(small)), ["c"])
    for i in range(30):
        ep.run(["pop", "b"], lambda: ep.oid(V["b"].pop()), ["b"] if i == 29 else [], want_val=True)
    ep.run(["xor", "d", "b", "c"], lambda: setv("d", V["b"] ^ V["c"]), ["d"])
    ep.run(["sub", "e", "c", "b"], lambda: setv("e", V["c"] - V["b"]), ["e"])
    ep.run(["and", "e", "c", "b"], lambda: setv("e", V["c"] & V["b"]), ["e"])
    drop = base[:30000:2] + more[:9000]
    ep.run(["diffupdlist", "b"] + ep.idlist(drop), lambda: V["b"].difference_update(drop), ["b"])
    ep.run(["isub", "a", "c"], lambda: V["a"].__isub__(V["c"]), ["a"])
    ep.run(["sub", "e", "a", "c"], lambda: setv("e", V["a"] - V["c"]), ["e"])
    ep.run(["ior", "c", "b"], lambda: V["c"].__ior__(V["b"]), ["c"])

    # Consecutive ints: dummy purges that rebuild with used just above and at
    # 50000 (used*2 versus used*4), and a pop sweep over a big table.
    run = [(1 << 30) + k for k in range(115600)]
    ep.declare_ints(run)
    for name, keep in (("t", 50001), ("u", 50000)):
        ep.run(["fromlist", name] + ep.idlist(run), lambda name=name: setv(name, set(run)), [name])
        gone = run[:len(run) - keep]
        ep.run(["diffupdlist", name] + ep.idlist(gone),
               lambda name=name, gone=gone: V[name].difference_update(gone), [name])
    ep.run(["fromlist", "v"] + ep.idlist(run[:50001]), lambda: setv("v", set(run[:50001])), ["v"])
    ep.run(["symupdlist", "v"] + ep.idlist(run[50001:80000]),
           lambda: V["v"].symmetric_difference_update(run[50001:80000]), ["v"])
    ep.run(["sub", "e", "v", "t"], lambda: setv("e", V["v"] - V["t"]), ["e"])
    ep.run(["and", "e", "v", "u"], lambda: setv("e", V["v"] & V["u"]), ["e"])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/cases.txt"
    assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
    rng = random.Random(20240611)
    with open(out, "w") as w:
        for i in range(260):
            random_episode(w, f"int{i}", rng, False, rng.choice([10, 25, 60]))
        for i in range(160):
            random_episode(w, f"logged{i}", rng, True, rng.choice([10, 25, 60]))
        big_episode(w, rng)


if __name__ == "__main__":
    main()
