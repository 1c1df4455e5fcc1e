class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add3 = Adder(3)
print(add3(4), callable(add3), list(map(add3, [1, 2])), callable(Adder))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return (args, kwargs, self.calls)
c = Counter()
print(c(), c(1, a=2), c.calls)
class Poly:
    def __call__(self, x):
        return "called with " + repr(x)
p = Poly()
print(p(1), p("s"), sorted([3, 1, 2], key=Poly()))
class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return 0
        return super().__new__(cls)
    def __init__(self, kind):
        self.kind = kind
print(Factory("int"), Factory("obj").kind)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
class CallViaClassAttr:
    pass
CallViaClassAttr.__call__ = lambda self: "patched call"
print(CallViaClassAttr()())
o = NotCallable()
o.__call__ = lambda: "instance attr ignored"
try:
    o()
except TypeError as e:
    print("TypeError:", e)
