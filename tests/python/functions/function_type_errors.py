STR = "x"
NONE = None
def f(a, b):
    return a + b
cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, b=3),
    lambda: f(1, c=3),
    lambda: f(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs("x"),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: 0)(),
    lambda: int("1", "2"),
    lambda: STR(),
    lambda: NONE(),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: max(),
    lambda: sorted(1),
    lambda: sum(["a"]),
    lambda: iter(5),
    lambda: next([1]),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
class K:
    def m(self, x):
        return x
try:
    K().m()
except TypeError as e:
    print("TypeError:", e)
try:
    K().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    K.m(1)
except TypeError as e:
    print("TypeError:", e)
try:
    K(5)
except TypeError as e:
    print("TypeError:", e)
