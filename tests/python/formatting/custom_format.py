class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __str__(self):
        return "Money(%d)" % self.cents
    def __repr__(self):
        return "<Money %d>" % self.cents
m = Money(12345)
print(f"{m}", f"{m:c}", f"{m:>12,.2f}", f"{m!s}", f"{m!r}")
print("{}|{:c}|{!r}".format(m, m, m), format(m), format(m, "c"))
print("%s %r" % (m, m))
class Temp:
    def __init__(self, k):
        self.k = k
    def __format__(self, spec):
        unit = spec[-1] if spec else "K"
        rest = spec[:-1]
        v = {"K": self.k, "C": self.k - 273.15, "F": (self.k - 273.15) * 9 / 5 + 32}[unit]
        return format(v, rest or ".1f") + unit
t = Temp(300)
print(f"{t} {t:C} {t:.3F} {t:>10.0C}")
class NoFormat:
    def __repr__(self):
        return "NF"
print(f"{NoFormat()}", format(NoFormat(), ""))
try:
    format(NoFormat(), "10")
except TypeError as e:
    print("TypeError:", e)
class Bad:
    def __format__(self, spec):
        return 5
try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError:", e)
