def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5), f(1, 2, c=3, d=0, e=5, f=7))
try:
    f(a=1, b=2, c=3, e=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
def kw(*, x, y=2):
    return x + y
print(kw(x=1), kw(y=10, x=1))
try:
    kw(1)
except TypeError as e:
    print("TypeError:", e)
def pos(x, /):
    return x
print(pos(5))
try:
    pos(x=5)
except TypeError as e:
    print("TypeError:", e)
def both(x, /, **kw):
    return x, kw
print(both(1, x=2))
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
def many(a, b=1, /, *args, c, **kwargs):
    return a, b, args, c, kwargs
print(many(0, c=1), many(0, 9, 8, 7, c=1, z=0))
try:
    many()
except TypeError as e:
    print("TypeError:", e)
def missing2(a, b, c):
    pass
try:
    missing2(1)
except TypeError as e:
    print("TypeError:", e)
def kwmissing(*, a, b):
    pass
try:
    kwmissing()
except TypeError as e:
    print("TypeError:", e)
