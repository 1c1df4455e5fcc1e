print("before class")
class Verbose:
    print("executing class body")
    x = 1
    for i in range(3):
        x *= 2
    del i
    def f(self):
        return self.x
    if x > 5:
        big = True
    else:
        big = False
    print("end of class body", x)
print("after class", Verbose.x, Verbose.big, Verbose().f(), hasattr(Verbose, "i"))
def make_class(n):
    class Inner:
        value = n
        def get(self):
            return self.value * 10
    return Inner
A = make_class(1)
B = make_class(2)
print(A().get(), B().get(), A is B, A.__name__, A.__qualname__)
class Outer:
    class Nested:
        def hi(self):
            return "nested hi"
    def make(self):
        return self.Nested()
print(Outer().make().hi(), Outer.Nested.__qualname__)
class WithDoc:
    "docstring via plain string"
print(WithDoc.__doc__)
class Empty: ...
print(Empty.__doc__, Empty.__bases__)
