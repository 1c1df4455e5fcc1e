def f(a, b=10, *args, key="k", **rest):
    return {"a": a, "b": b, "args": args, "key": key, "rest": rest}
print(f(1))
print(f(1, 2, 3, 4))
print(f(1, key="x", other=5))
print(f(*range(5), **{"key": "kw", "z": 0}))
print(f(a=0))
def g(x, y):
    return x - y
print(g(y=1, x=10), g(10, y=1))
args = (1,)
kwargs = {"y": 5}
print(g(*args, **kwargs))
def h(*, a=1, b):
    return a, b
print(h(b=2), h(b=2, a=3))
def many_defaults(a=1, b=2, c=3, d=4):
    return a, b, c, d
print(many_defaults(d=0), many_defaults(5, d=9), many_defaults(*[7, 8]))
def collect(first, *middle, last):
    return first, middle, last
print(collect(1, last=2), collect(1, 2, 3, last=4))
