# `lst.append(x)` in compiled loops: ints (inline and big), floats, appending to the list
# being iterated, the None it returns, aliases, subclasses that override append, and other
# methods.


def evens(n):
    out = []
    for i in range(n):
        if i % 2 == 0:
            out.append(i)
    return out


def halves(xs):
    out = []
    for x in xs:
        out.append(x * 0.5)
    return out


def bigs(n):
    out = []
    v = 1
    for i in range(n):
        v *= 3
        out.append(v)
    return out


def grow_while_iterating(lst, limit):
    for x in lst:
        if x < limit:
            lst.append(x + 10)
    return lst


def returns_none(n):
    out = []
    r = 0
    for i in range(n):
        r = out.append(i)
    return r, out


def alias(n):
    a = []
    b = a
    for i in range(n):
        b.append(i)
        a.append(-i)
    return a is b, len(a), a[-4:]


class Logged(list):
    def append(self, x):
        super().append(x * 100)


def subclass(n):
    out = Logged()
    for i in range(n):
        out.append(i)
    return list(out)


def mixed(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


def other_method(n):
    out = [0]
    for i in range(n):
        out.insert(0, i)
    return out


for _ in range(3):
    print(evens(30))
    print(halves([1.0, 2.0, 3.5] * 5))
    print(bigs(50)[-3:])
    print(grow_while_iterating([1, 2, 3, 25, 4], 20))
    print(returns_none(12))
    print(alias(15))
    print(subclass(12))
    print(mixed([1, 2, 3, 4, 5, 6, 7, 8, 1.5, "s", None, (1, 2), 9, 10]))
    print(other_method(10))
