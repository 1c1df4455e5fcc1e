# Attribute-site and constructor caches: every way the cached facts can change.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.x, o.y, o.total()))
    return out


ps = [P(i, i * 2) for i in range(5)]
print(read_all(ps))

# A property added to the class later takes over reads and writes.
P.x = property(lambda self: -1, lambda self, v: None)
print(read_all(ps))
ps[0].x = 99
print(ps[0].__dict__)
del P.x
print(read_all(ps))

# A method shadowed through the instance dict, then unshadowed.
ps[1].total = lambda: "shadowed"
print(read_all(ps[:3]))
del ps[1].total
print(read_all(ps[:3]))

# A method replaced on the class.
P.total = lambda self: self.x * 100
print(read_all(ps[:3]))


# A custom __getattribute__ and __setattr__ added later.
def ga(self, name):
    if name == "y":
        return "intercepted"
    return object.__getattribute__(self, name)


P.__getattribute__ = ga
print(read_all(ps[:2]))
del P.__getattribute__

log = []


def sa(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)


P.__setattr__ = sa
q = P(1, 2)
print(log, q.x, q.y)
del P.__setattr__
q = P(3, 4)
print(log, q.x, q.y)


# Class attributes read through instances, then shadowed by the instance.
class C:
    limit = 10
    name = "c"

    def __init__(self):
        self.v = 1


def limits(objs):
    return [(o.limit, o.name, o.v) for o in objs]


cs = [C() for _ in range(3)]
print(limits(cs))
cs[1].limit = 5
print(limits(cs))
C.limit = 20
print(limits(cs))
del C.name
try:
    limits(cs)
except AttributeError as e:
    print("AttributeError:", e)


# __class__ assignment moves an instance to another class's methods.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


objs = [A(), A(), A()]
print([o.who() for o in objs])
objs[1].__class__ = B
print([o.who() for o in objs])


# Attributes deleted and re-added land in other dict entries.
class D:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


d = D()
for k in range(4):
    del d.a
    d.a = k
    print(d.a, d.b, d.c, list(d.__dict__))


# Many classes made in a loop, so a new class may reuse a dead one's address.
def make(k):
    class K:
        def __init__(self, v):
            self.v = v + k

        def get(self):
            return self.v * k

    return K


for k in range(6):
    K = make(k)
    o = K(k)
    print(k, o.v, o.get())
    del K, o


# Constructors: defaults, wrong counts, __init__ returning a value, raising, __new__.
class E:
    def __init__(self, a, b=5):
        self.a = a
        self.b = b


for args in [(1,), (1, 2), (1, 2), ()]:
    try:
        e = E(*args)
        print(e.a, e.b)
    except TypeError as ex:
        print("TypeError:", ex)
for _ in range(3):
    try:
        E(1, 2, 3)
    except TypeError as ex:
        print("TypeError:", ex)


class R:
    def __init__(self, v):
        self.v = v
        if v > 2:
            return v


for v in range(5):
    try:
        print(R(v).v)
    except TypeError as ex:
        print("TypeError:", ex)


class Boom:
    def __init__(self, v):
        if v == 3:
            raise ValueError("boom %d" % v)
        self.v = v


for v in range(5):
    try:
        print(Boom(v).v)
    except ValueError as ex:
        print("ValueError:", ex)


class Counted:
    made = 0

    def __init__(self, v):
        self.v = v


for v in range(3):
    print(Counted(v).v)


def new(cls, v):
    Counted.made += 1
    return object.__new__(cls)


Counted.__new__ = new
for v in range(3):
    print(Counted(v).v, Counted.made)


# __slots__ classes and a subclass with a dict.
class S:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class SD(S):
    def __init__(self, x, y):
        S.__init__(self, x, y)
        self.z = x + y


for i in range(3):
    s = S(i, i + 1)
    sd = SD(i, i + 2)
    print(s.x, s.y, sd.x, sd.y, sd.z, sorted(sd.__dict__))
    try:
        s.z = 1
    except AttributeError as ex:
        print("AttributeError:", ex)


# Instances of subclasses of builtins.
class MyList(list):
    def __init__(self, items, tag):
        list.__init__(self, items)
        self.tag = tag


for i in range(3):
    m = MyList(range(i), "t%d" % i)
    print(m, m.tag, len(m))


# Exceptions keep args outside the dict.
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


for i in range(3):
    try:
        raise MyErr(i)
    except MyErr as ex:
        print(ex.code, ex.args, str(ex))


# A missing attribute, in a loop that first succeeds.
class M:
    def __init__(self, v):
        if v:
            self.v = v


for v in [1, 2, 0, 3]:
    try:
        print(M(v).v)
    except AttributeError as ex:
        print("AttributeError:", ex)


# __getattr__ on a miss.
class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "virtual " + name


g = G()
for _ in range(3):
    print(g.real, g.other)


# One method site over built-in objects of several types, and a list subclass.
class Counting(list):
    def count(self, x):
        return "own count"


for seq in [[1, 2, 1], (1, 1, 1), "a1b1", [1], b"\x01\x01", Counting([1]), {1: 2}, [1, 1]]:
    try:
        print(type(seq).__name__, seq.count(1))
    except AttributeError as ex:
        print("AttributeError:", ex)
    except TypeError as ex:
        print("TypeError:", ex)


# An uncaught error from a cached constructor keeps CPython's traceback.
class Last:
    def __init__(self, v):
        self.v = 10 // v


for v in [2, 1, 0]:
    print(Last(v).v)
