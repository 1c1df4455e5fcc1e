def nothing():
    pass
print(nothing())
print(type(None).__name__)
r = print("inside")
print(r)
class Empty:
    pass
print(Empty.__name__)
if True:
    pass
for _ in range(3):
    pass
print(_)
x = None
print(x is None, x == None, repr(x), str(x))
print([None] * 3)
print({None: 1}[None])
def g(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(g(), g(), g([5]))
...
print(...)
print(Ellipsis is ...)
print(type(...).__name__)
print(NotImplemented)
print(bool(None))
