def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        r = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {r!r}")
        return r
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@trace
def add(a, b):
    """adds"""
    return a + b
add(2, 3)
print(add.__name__, add.__doc__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("neg")
def negate(x):
    return -x
print(sorted(registry), registry["sq"](7), registry["neg"](7))
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print(noop.calls)
class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a) * 2
@Deco
def three():
    return 3
print(three(), three(), three.n)
def deco_with_kw(prefix="", suffix=""):
    def d(fn):
        def w(*a):
            return prefix + str(fn(*a)) + suffix
        return w
    return d
@deco_with_kw(prefix="[", suffix="]")
def val(x):
    return x
print(val(5))
@(lambda fn: fn.__name__.upper())
def weird():
    pass
print(weird)
