class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __itruediv__(self, o):
        self.v /= o
        return self
    def __ifloordiv__(self, o):
        self.v //= o
        return self
    def __imod__(self, o):
        self.v %= o
        return self
    def __ipow__(self, o):
        self.v **= o
        return self
    def __ilshift__(self, o):
        self.v <<= o
        return self
    def __irshift__(self, o):
        self.v >>= o
        return self
    def __iand__(self, o):
        self.v &= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
    def __ixor__(self, o):
        self.v ^= o
        return self
    def __imatmul__(self, o):
        self.v = self.v * 1000 + o
        return self
a = Acc(10)
orig = a
a += 5
print(a.v, a is orig)
a -= 3; print(a.v)
a *= 4; print(a.v)
a //= 5; print(a.v)
a %= 7; print(a.v)
a **= 3; print(a.v)
a <<= 2; print(a.v)
a >>= 1; print(a.v)
a &= 0xF0; print(a.v)
a |= 3; print(a.v)
a ^= 0xFF; print(a.v)
a @= 7; print(a.v)
a /= 2; print(a.v)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
b = OnlyAdd(1)
c = b
b += 1
print(b.v, c.v, b is c)
class NoneReturn:
    def __iadd__(self, o):
        pass
n = NoneReturn()
n += 1
print(n)
lst = [1]
t = (lst,)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
d = {"k": [1]}
d["k"] += [2]
print(d)
class Obj:
    pass
o = Obj()
o.n = 1
o.n += 41
print(o.n)
