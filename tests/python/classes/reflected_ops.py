class R:
    def __init__(self, name):
        self.name = name
    def __radd__(self, o):
        return f"radd({o!r}, {self.name})"
    def __rsub__(self, o):
        return f"rsub({o!r}, {self.name})"
    def __rmul__(self, o):
        return f"rmul({o!r}, {self.name})"
    def __rtruediv__(self, o):
        return f"rtruediv({o!r}, {self.name})"
    def __rfloordiv__(self, o):
        return f"rfloordiv({o!r})"
    def __rmod__(self, o):
        return f"rmod({o!r})"
    def __rpow__(self, o):
        return f"rpow({o!r})"
    def __rlshift__(self, o):
        return f"rlshift({o!r})"
    def __rrshift__(self, o):
        return f"rrshift({o!r})"
    def __rand__(self, o):
        return f"rand({o!r})"
    def __ror__(self, o):
        return f"ror({o!r})"
    def __rxor__(self, o):
        return f"rxor({o!r})"
    def __rmatmul__(self, o):
        return f"rmatmul({o!r})"
    def __rdivmod__(self, o):
        return f"rdivmod({o!r})"
r = R("r")
print(1 + r, 2 - r, 3 * r, 4 / r, 5 // r, 6 % r, 7 ** r, 8 << r, 9 >> r, 10 & r, 11 | r, 12 ^ r, divmod(13, r))
print("s" + r, [1] * r, 1.5 + r, None if False else (None, r)[0])
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__ (subclass priority)"
print(Base() + Sub())
print(Sub() + Base())
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return "Right handled"
print(Left() + Right())
class Neither:
    pass
try:
    Left() + Neither()
except TypeError as e:
    print("TypeError:", e)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("Cmp.__lt__")
        return self.v < (o.v if isinstance(o, Cmp) else o)
    def __gt__(self, o):
        print("Cmp.__gt__")
        return self.v > (o.v if isinstance(o, Cmp) else o)
print(5 < Cmp(10))
print(Cmp(1) < Cmp(2))
class E:
    def __eq__(self, o):
        print("E.__eq__")
        return NotImplemented
print(E() == E(), E() != 3)
