# Instances made in hot loops: temporaries that never escape, new objects stored in loop
# variables, objects that escape into lists, exits while a new object is being built, and
# classes changed while a loop runs.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm2(self):
        return self.x * self.x + self.y * self.y


def chain(n):
    # The temporary of add() never escapes; the result of scale() replaces acc.
    acc = Vec(0.0, 0.0)
    d = Vec(0.5, 0.25)
    total = 0.0
    for i in range(n):
        acc = acc.add(d).scale(0.999)
        total += acc.norm2()
    return total, acc.x, acc.y


print("chain", chain(3000))


def int_fields(n):
    # Int attributes that grow past 2**63: the new object's boxing leaves the trace.
    p = Vec(1, 1)
    for i in range(n):
        p = Vec(p.x * 3 + i, p.y + 1)
    return p.x, p.y


print("int_fields", int_fields(60))


def keeps_previous(n):
    # The old object stays reachable from another variable.
    cur = Vec(0, 0)
    prev = None
    for i in range(n):
        prev = cur
        cur = Vec(prev.x + i, prev.y - i)
    return cur.x, cur.y, prev.x, prev.y


print("keeps_previous", keeps_previous(500))


def escapes_to_list(n):
    out = []
    for i in range(n):
        v = Vec(i, i * 2)
        out.append(v)
    return sum(v.x + v.y for v in out), len(out), out[-1].y


print("escapes_to_list", escapes_to_list(400))


def branch_after_store(n):
    # Guards after the store: some iterations leave the trace after the new object is home.
    v = Vec(0, 0)
    big = 0
    for i in range(n):
        v = Vec(i % 7, i % 11)
        if v.x > 4:
            big += v.y
        else:
            big -= 1
    return big, v.x, v.y


print("branch_after_store", branch_after_store(2000))


def written_before_read(n):
    total = 0
    for i in range(n):
        w = Vec(i, 3)
        total += w.x * w.y
    return total, w.x


print("written_before_read", written_before_read(1000))


def break_with_object(n):
    for i in range(n):
        v = Vec(i, -i)
        if i == n - 3:
            break
    return v.x, v.y


print("break_with_object", break_with_object(900))


class Counter:
    def __init__(self, start):
        self.n = start
        if start > 100:
            self.big = True

    def bump(self):
        return Counter(self.n + 1)


def different_shapes(n):
    c = Counter(0)
    for i in range(n):
        c = c.bump()
    return c.n, hasattr(c, "big")


print("different_shapes", different_shapes(300))


def patched_mid_loop(n):
    acc = Vec(1.0, 2.0)
    out = 0.0
    for i in range(n):
        if i == n // 2:
            Vec.norm2 = lambda self: self.x - self.y
        acc = Vec(acc.y, acc.x + 1.0)
        out += acc.norm2()
    return out


orig_norm2 = Vec.norm2
print("patched_mid_loop", patched_mid_loop(1000))
Vec.norm2 = orig_norm2


class Bad:
    def __init__(self, x):
        self.x = 10 // x


def raises_in_init(n):
    total = 0
    for i in range(n):
        try:
            b = Bad(n // 2 - i)
            total += b.x
        except ZeroDivisionError as e:
            total += 1000
            print("caught", i, e)
    return total


print("raises_in_init", raises_in_init(300))


class ReturnsValue:
    def __init__(self, x):
        self.x = x
        if x > 250:
            return x


def init_returns(n):
    s = 0
    for i in range(n):
        r = ReturnsValue(i)
        s += r.x
    return s


try:
    print(init_returns(400))
except TypeError as e:
    print("TypeError", e)


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


def slotted(n):
    s = 0
    for i in range(n):
        o = Slotted(i)
        s += o.a
    return s


print("slotted", slotted(500))


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.nxt = nxt


def linked(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    total = 0
    while head is not None:
        total += head.value
        head = head.nxt
    return total


print("linked", linked(3000))


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def swap(self):
        return Pair(self.b, self.a)


def identity_and_types(n):
    p = Pair("x", 1.5)
    same = 0
    for i in range(n):
        q = p.swap()
        if q is p:
            same += 1
        p = q
    return same, p.a, p.b, type(p).__name__


print("identity_and_types", identity_and_types(777))


def changes_type(n):
    v = Vec(0, 0)
    for i in range(n):
        if i == n - 5:
            v = None
            continue
        if v is None:
            v = Vec(0, 0)
        v = Vec(v.x + 1, v.y + 2)
    return v.x, v.y


print("changes_type", changes_type(600))


g = Vec(0, 0)
for i in range(2000):
    g = Vec(g.x + i, g.y + 1)
print("module", g.x, g.y)


class Particle:
    def __init__(self, x, y, vx, vy):
        self.pos = Vec(x, y)
        self.vel = Vec(vx, vy)


def particles(steps):
    # New objects stored into attributes of existing objects (the replaced ones are freed
    # at once: nothing borrows them).
    ps = [Particle(i * 1.0, 2.0 * i, 0.5, -0.25) for i in range(7)]
    for s in range(steps):
        for p in ps:
            p.pos = p.pos.add(p.vel)
    return [(p.pos.x, p.pos.y) for p in ps[:3]]


print("particles", particles(400))


def old_value_used_after_store(n):
    # The replaced object is still read after the store.
    p = Particle(0.0, 0.0, 1.0, 2.0)
    trail = 0.0
    for i in range(n):
        old = p.pos
        p.pos = p.pos.add(p.vel)
        trail += old.x - p.pos.y
    return trail, p.pos.x


print("old_value_used_after_store", old_value_used_after_store(900))


def appended_directly(n):
    out = []
    for i in range(n):
        out.append(Vec(i, -i))
    made = [Vec(i, i * i) for i in range(n)]
    return len(out), out[7].x, out[-1].y, made[-1].y, sum(v.x for v in made)


print("appended_directly", appended_directly(800))


def store_then_fail(n):
    # The attribute store's guard fails once the attribute is gone.
    p = Particle(0.0, 0.0, 1.0, 1.0)
    count = 0
    for i in range(n):
        if i == n - 10:
            del p.pos
            p.other = 1
            try:
                p.pos = p.pos.add(p.vel)
            except AttributeError as e:
                print("AttributeError", e)
                p.pos = Vec(-1.0, -1.0)
        p.pos = p.vel.add(p.pos)
        count += 1
    return count, p.pos.x, p.pos.y


print("store_then_fail", store_then_fail(600))


def replaced_twice(n):
    # The new object stored first is replaced again in the same iteration, after a read.
    p = Particle(0.0, 0.0, 1.0, 0.5)
    s = 0.0
    for i in range(n):
        p.pos = p.pos.add(p.vel)
        first = p.pos
        p.pos = first.add(p.vel)
        s += first.x + p.pos.y
    return s, p.pos.x
print("replaced_twice", replaced_twice(700))
