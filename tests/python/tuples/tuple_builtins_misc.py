t = tuple(range(10))
print(t[::3], t[-3:], t[5:2:-1], len(t), sum(t), min(t), max(t))
print(t.index(5), t.index(5, 3, 8), t.count(3), 9 in t, 10 in t)
try:
    t.index(5, 6)
except ValueError as e:
    print("ValueError:", e)
print(tuple(reversed(t))[:3], sorted(t, reverse=True)[:3], list(zip(t, t[1:]))[:3])
nested = ((1, 2), (3, (4, 5)), ())
print(nested[1][1][0], len(nested[2]), nested + ((6,),), nested * 0)
print(tuple(c for c in "tuple"), tuple({"a": 1}), tuple(dict(b=2).items()))
a = (1, 2, 3)
b = a[:]
print(a == b, a is b if False else "skip", a[:] == a)
x, *y = a
print(x, y, type(y).__name__)
def ret():
    return 1, 2
print(type(ret()).__name__, ret())
print(().__class__.__name__, (1,).__len__(), (1, 2).__add__((3,)), (1, 2).__mul__(2))
