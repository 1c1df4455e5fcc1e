# Attributes of instances in hot loops: loads, stores, method calls, and every way the
# class or the instance can change under a running trace.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def scaled(self, k):
        return self.x * k + self.y


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z


def sum_x(points):
    s = 0.0
    for p in points:
        s += p.x
    return s


def norms(points):
    t = 0
    for p in points:
        t += p.norm2()
    return t


class Counter:
    def __init__(self):
        self.count = 0
        self.total = 0.0


def count_up(c, n):
    for i in range(n):
        c.count += 1
        c.total += i * 0.5
    return c.count, c.total


# Loads of float attributes in a loop, and the same loop with a subclass instance mixed in.
pts = [Point(i * 0.5, i * 0.25) for i in range(3000)]
print(sum_x(pts))
pts[1500] = Point3(1.0, 2.0, 3.0)
print(sum_x(pts))
print(norms(pts))

# Stores: counters in an object.
c = Counter()
print(count_up(c, 5000))
print(count_up(c, 10))

# An attribute that changes type mid-loop: int, float, big int past 2**63, str.
o = Point(0, 0)
seen = []
for i in range(4000):
    if i == 1000:
        o.x = 1.5
    elif i == 2000:
        o.x = 2 ** 64
    elif i == 3000:
        o.x = "s"
    v = o.x
    if i % 1000 == 999:
        seen.append(v if not isinstance(v, str) else v * 2)
print(seen)

# A method monkeypatched on the class mid-loop.
def patched_norm2(self):
    return -1


q = Point(3, 4)
acc = 0
for i in range(3000):
    if i == 1500:
        Point.norm2 = patched_norm2
    acc += q.norm2()
print(acc)
del Point.norm2
Point.norm2 = lambda self: self.x + self.y
print(q.norm2())

# An instance attribute shadowing a method mid-loop.
r = Point(1, 2)
acc = 0
for i in range(2000):
    if i == 1000:
        r.scaled = lambda k: 1000
    acc += r.scaled(2)
print(acc)

# A method patched on a base class under a subclass instance.
class Base:
    def f(self):
        return 1


class Derived(Base):
    pass


d = Derived()
acc = 0
for i in range(2000):
    if i == 700:
        Base.f = lambda self: 10
    acc += d.f()
print(acc)

# __class__ reassigned mid-loop.
class A:
    def __init__(self):
        self.v = 1


class B:
    def __init__(self):
        self.v = 2

    def who(self):
        return "B"


a = A()
acc = 0
for i in range(2000):
    if i == 900:
        a.__class__ = B
    acc += a.v
print(acc, type(a).__name__)

# A property added to the class mid-loop takes over the instance attribute.
class P:
    def __init__(self):
        self.val = 5


p = P()
acc = 0
for i in range(2000):
    if i == 1200:
        P.val = property(lambda self: 100)
    acc += p.val
print(acc)

# An attribute deleted mid-loop: AttributeError caught outside the loop.
class D:
    def __init__(self):
        self.a = 1
        self.b = 2


dd = D()
acc = 0
try:
    for i in range(3000):
        if i == 2000:
            del dd.a
        acc += dd.a + dd.b
except AttributeError as e:
    print("AttributeError:", e, acc)

# An object that escapes once every 1000 iterations.
kept = []
holder = Point(0, 0)
for i in range(5000):
    holder.x = i
    holder.y = i * 2
    if i % 1000 == 0:
        kept.append(holder)
        holder = Point(holder.x, holder.y)
print([(k.x, k.y) for k in kept], holder.x, holder.y)

# An attribute added mid-loop (the store adds a key) and one that holds objects.
class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


head = None
for i in range(50):
    head = Node(i, head)
total = 0
for i in range(200):
    n = head
    s = 0
    while n is not None:
        s += n.value
        n = n.next
    total += s
print(total)

class Acc:
    def __init__(self):
        self.n = 0


z = Acc()
for i in range(3000):
    z.n = z.n + i
    if i == 2500:
        z.extra = i
print(z.n, z.extra)

# Classes the trace does not handle: __slots__, __getattr__, __getattribute__.
class S:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 1


class G:
    def __getattr__(self, name):
        return 7


class GA:
    def __init__(self):
        self.x = 3

    def __getattribute__(self, name):
        return 4


s, g, ga = S(), G(), GA()
acc = 0
for i in range(2000):
    acc += s.x + g.anything + ga.x
print(acc)

# Errors inside a loop that reads attributes: traceback of the uncaught one.
def read_all(objs):
    t = 0
    for o in objs:
        t += o.x
    return t


objs = [Point(i, i) for i in range(2000)]
objs.append(Counter())
read_all(objs)
