class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]
    def method(self):
        return "A"
    @classmethod
    def create(cls):
        return f"A.create({cls.__name__})"
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.trail.append("B")
    def method(self):
        return "B+" + super().method()
class C(A):
    def __init__(self):
        print("C.__init__")
        super().__init__()
        self.trail.append("C")
    def method(self):
        return "C+" + super().method()
    @classmethod
    def create(cls):
        return "C:" + super().create()
class D(B, C):
    def __init__(self):
        print("D.__init__")
        super().__init__()
        self.trail.append("D")
    def method(self):
        return "D+" + super().method()
d = D()
print(d.trail, d.method(), D.create())
print(super(B, d).method(), super(C, d).method())
class E(D):
    def method(self):
        return super(D, self).method()
print(E().method())
class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __len__(self):
        return super().__len__() * 10
s = Str("abc")
print(s, len(s))
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
class Parent:
    def greet(self):
        return "hi from Parent"
class Child(Parent):
    def greet(self):
        f = lambda: super(Child, self).greet()
        return f() + " via lambda"
print(Child().greet())
