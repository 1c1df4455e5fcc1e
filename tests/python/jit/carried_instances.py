# A loop variable that holds a new instance each iteration (`acc = acc.add(d)`): the JIT
# carries its attributes instead of making the instance; exits must make it, with the
# same identity wherever the exit puts it, and hand back the object the loop started with
# during the first iteration.


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


def run(n, stop):
    acc = Vec(0.0, 0.0)
    first = acc
    d = Vec(0.5, 0.25)
    total = 0.0
    seen = []
    for i in range(n):
        acc = acc.add(d).scale(0.999)
        total += acc.norm2()
        if i == stop:
            seen.append(acc)
            print("stop", i, acc.x, acc.y, acc is seen[-1])
    print(first is acc, first.x, type(acc).__name__, acc.x, acc.y, vars(acc))
    return total, acc


for stop in (0, 1, 5, 300, 1000):
    t, a = run(400, stop)
    print("%.6f" % t, a.x, a.y)


def first_exit(n):
    # The first iteration sees the object the loop starts with.
    acc = Vec(1.0, 2.0)
    orig = acc
    hits = 0
    for i in range(n):
        if acc is orig:
            hits += 1
        acc = acc.scale(0.5)
    return hits, vars(acc)


print(first_exit(300))


class Cell:
    def __init__(self, n, total, tag):
        self.n = n
        self.total = total
        self.tag = tag

    def step(self, x):
        return Cell(self.n + 1, self.total + x, self.tag)


def ints(n):
    # Int and float attributes, and one the loop passes on unchanged (an int).
    c = Cell(0, 0.0, 7)
    for i in range(n):
        c = c.step(i * 0.5)
        if c.n % 97 == 0:
            print("at", c.n, c.total, c.tag)
    return vars(c)


print(ints(400))


def big_counts(n):
    # An int attribute that leaves the inline range (2**47): the trace exits and the
    # interpreter goes on with a heap int.
    c = Cell(2**47 - 150, 0.0, 1)
    for i in range(n):
        c = c.step(1.0)
    return c.n, c.total


print(big_counts(300))


def shadowed(n):
    # The entry object has an instance attribute that hides the method it calls.
    acc = Vec(1.0, 1.0)
    acc.add = lambda o: Vec(100.0, 100.0)
    out = []
    for i in range(n):
        acc = acc.add(Vec(0.25, 0.5))
        out.append(acc.x)
    return out[:3], out[-1]


print(shadowed(300))


def extra_attr(n):
    # The entry object has an attribute the loop's instances do not.
    acc = Vec(0.0, 0.0)
    acc.label = "start"
    orig = acc
    for i in range(n):
        acc = acc.add(Vec(1.0, 2.0))
    return vars(orig), vars(acc), hasattr(acc, "label")


print(extra_attr(300))


def type_changes(n):
    # The attributes change from floats to ints mid-loop and back.
    acc = Vec(0.0, 0.0)
    one = Vec(1.0, 1.0)
    for i in range(n):
        if i == n // 2:
            acc = Vec(int(acc.x), int(acc.y))
            one = Vec(1, 2)
        acc = acc.add(one)
    return vars(acc)


print(type_changes(600))


def raises(n):
    # An exception raised in the loop, caught outside it.
    acc = Vec(1.0, 1.0)
    try:
        for i in range(n):
            acc = acc.scale(2.0)
            if acc.x > 1e300:
                raise OverflowError("too big at %d" % i)
    except OverflowError as e:
        print(e, acc.x == acc.y, type(acc).__name__)
    return acc.x


print(raises(2000))


def two_vars(n):
    # Two loop variables carried at once, one starting as the other.
    a = b = Vec(1.0, 0.0)
    for i in range(n):
        a = a.add(Vec(0.0, 1.0))
        b = b.scale(0.99)
    return vars(a), vars(b), a is b


print(two_vars(400))


def mixed_use(n):
    # The variable is also stored in a list every 100 iterations: each stored object is
    # its own instance.
    acc = Vec(0.0, 0.0)
    kept = []
    for i in range(n):
        acc = acc.add(Vec(1.0, 1.0))
        if i % 100 == 99:
            kept.append(acc)
    return [k.x for k in kept], len(set(map(id, kept)))


print(mixed_use(500))
