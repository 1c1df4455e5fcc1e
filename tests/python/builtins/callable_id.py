def f():
    pass
class C:
    def __call__(self):
        pass
class D:
    pass
print(callable(f), callable(C), callable(C()), callable(D()), callable(1), callable(len), callable("s".upper), callable(None))
a = [1]
b = [1]
c = a
print(id(a) == id(c), id(a) != id(b), a is c, a is not b)
objs = [object() for _ in range(100)]
print(len(set(id(o) for o in objs)))
print(type(id(a)).__name__, id(a) == id(a))
x = 1000
y = x
print(id(x) == id(y))
print(None is None, id(None) == id(None))
