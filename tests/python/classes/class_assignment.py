class A:
    pass
class B:
    pass
class S:
    __slots__ = ("x",)
a = A()
a.__class__ = B
print(type(a).__name__, a.__class__.__name__, isinstance(a, B))
for bad in (3, int, S):
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)
print(type(a).__name__)
