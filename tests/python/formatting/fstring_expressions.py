class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = P(3, 4)
print(f"{p} {p.x} {p.norm()} {p!r} {p.norm():.3f}")
print(f"{[p, P('a', None)]}")
d = {"a": [1, {"b": (2, 3)}]}
print(f"{d['a'][1]['b'][0]}")
print(f"{ {'k': 1}['k'] }")
print(f"{','.join(str(i) for i in range(5))}")
print(f"{(1, 2)}", f"{1, 2}")
print(f"{'%d' % 5}", f"{'{}'.format(6)}")
n = 5
print(f"{'odd' if n % 2 else 'even'}", f"{n:>{n}}", f"{n!s:>{n}}")
print(f"{n<10}", f"{(n:=7)}", n)
s = "x"
print(f"{s*3}{s!r}")
print(f"""triple {n}
second line {s}""")
def g():
    return "called"
print(f"{g()} {g.__name__} {len(g())}")
print(f"{3.0:g} {3.10:g} {1e-7:g} {float('inf'):f}")
print(f"{-0.0} {-0.0:+} {0:+}")
