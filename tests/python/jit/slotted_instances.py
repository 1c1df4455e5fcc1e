# Instances of classes with `__slots__`: attribute loads and stores in loops and in
# compiled methods, unset slots, subclasses, slots holding objects, a class changed mid-loop.
from math import sin, cos, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return round(nxt.x, 12), round(nxt.y, 12), round(nxt.z, 12)


print(benchmark(2000))


def sum_x(points):
    s = 0.0
    for p in points:
        s += p.x * 2 + p.y
    return round(s, 9)


pts = [Point(i) for i in range(500)]
print(sum_x(pts))


class Partial:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def unset(objs):
    got = 0
    try:
        for o in objs:
            got += o.a
            if got > 400:
                got += o.b
    except AttributeError as e:
        print("AttributeError:", e)
    return got


print(unset([Partial(i % 7) for i in range(300)]))


class Base:
    __slots__ = ("u",)


class Derived(Base):
    __slots__ = ("v", "w")

    def __init__(self, i):
        self.u = i
        self.v = i * 2
        self.w = str(i)


def derived(objs):
    t = 0
    names = []
    for d in objs:
        t += d.u + d.v
        d.v = d.u - 1
        if d.u % 50 == 0:
            names.append(d.w)
    return t, names, objs[10].v


print(derived([Derived(i) for i in range(400)]))


class Holder:
    __slots__ = ("item",)

    def __init__(self, item):
        self.item = item


def swap_items(hs, n):
    for i in range(n):
        h = hs[i % len(hs)]
        h.item = [i, str(i)]
    return [h.item for h in hs]


print(swap_items([Holder(None) for _ in range(7)], 500))


class Mutable:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def get(self):
        return self.k


def changes(objs):
    total = 0
    for i, o in enumerate(objs):
        if i == len(objs) // 2:
            Mutable.get = lambda self: -1
        total += o.get()
    return total


print(changes([Mutable(i) for i in range(400)]))


def deleted(objs):
    total = 0
    try:
        for i, o in enumerate(objs):
            if i == 250:
                del objs[260].k
            total += o.k
    except AttributeError as e:
        print("AttributeError:", e)
    return total


print(deleted([Mutable(i) for i in range(400)]))
