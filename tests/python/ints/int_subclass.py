class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def double(self):
        return MyInt(self * 2)
a = MyInt(5)
print(a, repr(a), a + 1, type(a + 1).__name__)
print(a.double(), isinstance(a, int), a == 5, hash(a) == hash(5))
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8), Even(-3))
print(int(MyInt(9)), type(int(MyInt(9))).__name__)
print(sorted([MyInt(3), 1, MyInt(2)]))
b = True
print(type(b).__mro__)
print(issubclass(bool, int), bool.__bases__)
class Flags(int):
    pass
f = Flags(6)
print(f & 2, f | 1, f >> 1, type(f & 2).__name__)
print(f"{MyInt(42):05d}", f"{a!r}")
