def modify(lst, n, s):
    lst.append(n)
    n += 1
    s += "!"
    return n, s
L = [1]
N = 5
S = "hi"
print(modify(L, N, S), L, N, S)
def order(a, b, c):
    return f"{a}{b}{c}"
def v(x):
    print("eval", x)
    return x
print(order(v(1), v(2), c=v(3)))
print(order(*[v("a")], **{"b": v("b"), "c": v("c")}))
def returns_multiple():
    return 1, "two", [3]
a, b, c = returns_multiple()
print(a, b, c, returns_multiple())
def early(x):
    if x < 0:
        return "neg"
    if x == 0:
        return
    return "pos"
print(early(-1), early(0), early(1))
def nested_calls(x):
    return str(len(str(abs(x))))
print(nested_calls(-12345))
def gen_args(*args):
    return len(args)
print(gen_args(*range(100)), gen_args(*"abc", *b"de"))
def kwargs_order(**kw):
    return list(kw)
print(kwargs_order(z=1, a=2, m=3))
def f(x):
    return x
print(f(x=1), f(*[2]), f(**{"x": 3}))
class Callable:
    def __call__(self, *a, **k):
        return ("called", a, k)
print(Callable()(1, k=2))
print((lambda *a: a)(*[1, 2], 3, *(4,)))
