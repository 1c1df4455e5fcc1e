def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2, 3]), g(1, *[2, 3]), g(**{"a": 1, "b": 2, "c": 3}), g(1, c=3, **{"b": 2}))
def total(*nums, start=0):
    return start + sum(nums)
print(total(1, 2, 3), total(start=10), total(*range(5), start=100))
def describe(**info):
    return ", ".join(f"{k}={v}" for k, v in info.items())
print(describe(name="x", size=3, ok=True))
def passthrough(*a, **k):
    return f(*a, **k)
print(passthrough(1, z=2))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, a=1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, d=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    g(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    g(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
def h(a, *args, b):
    return a, args, b
print(h(1, 2, 3, b=4))
try:
    h(1, 2)
except TypeError as e:
    print("TypeError:", e)
