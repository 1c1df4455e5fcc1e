class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __index__(self):
        return int(self.v)
    def __round__(self, n=None):
        return round(self.v, n) if n is not None else round(self.v)
    def __trunc__(self):
        return int(self.v)
    def __floor__(self):
        return int(self.v // 1)
    def __ceil__(self):
        return -int(-self.v // 1)
    def __str__(self):
        return f"Num<{self.v}>"
    def __repr__(self):
        return f"Num({self.v!r})"
    def __format__(self, spec):
        return "F:" + format(self.v, spec)
    def __bytes__(self):
        return b"num"
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, Num) and o.v == self.v
    def __len__(self):
        return 3
    def __bool__(self):
        return self.v != 0
    def __contains__(self, x):
        return x == self.v
    def __sizeof__(self):
        return 99
n = Num(3.7)
import math
print(int(n), float(n), complex(n), round(n), round(n, 1), math.trunc(n), math.floor(n), math.ceil(n))
print(str(n), repr(n), f"{n:.3f}", bytes(n), len(n), bool(n), bool(Num(0)), 3.7 in n)
print([1, 2, 3, 4, 5][Num(2)], hex(Num(255)), bin(Num(5)), "ab" * Num(2))
print(hash(n) == hash(3.7), n == Num(3.7), n != Num(1), {n: 1}[Num(3.7)])
print(n.__sizeof__())
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"O{self.v}"
items = [Ordered(3), Ordered(1), Ordered(2)]
print(sorted(items), min(items), max(items))
try:
    Ordered(1) <= Ordered(2)
except TypeError as e:
    print("TypeError:", e)
print(Ordered(2) > Ordered(1))
