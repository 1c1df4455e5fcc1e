def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.keys()), loc["c"]
print(f(1))
class Sample:
    x = 1
    def method(self):
        pass
s = Sample()
s.y = 2
print(vars(s))
print(sorted(k for k in vars(Sample) if not k.startswith("__")))
print([n for n in dir(s) if not n.startswith("_")])
import math
print([n for n in dir(math) if n.startswith("a")][:6])
g = globals()
print("Sample" in g, "f" in g, g["__name__"])
module_level = 1
print("module_level" in dir())
def g2():
    inner = 1
    return dir()
print(g2())
print(sorted(vars(type("T", (), {"q": 1}))).count("q"))
