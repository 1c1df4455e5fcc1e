class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
print(P.__slots__, type(P.x).__name__)
class Q(P):
    pass
q = Q(1, 2)
q.extra = "has dict"
print(q.extra, hasattr(q, "__dict__"))
class R(P):
    __slots__ = ("z",)
r = R(1, 2)
r.z = 3
print(r.x, r.y, r.z)
try:
    r.w = 1
except AttributeError as e:
    print("AttributeError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
class Single:
    __slots__ = "only"
s = Single()
s.only = "ok"
print(s.only)
