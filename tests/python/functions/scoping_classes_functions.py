x = "global x"
class A:
    x = "class x"
    def method(self):
        return x
    def method2(self):
        return self.x
    y = [x for _ in range(1)]
print(A().method(), A().method2(), A.y)
def f():
    x = "f local"
    class B:
        print("in B body:", x)
        z = x + "!"
    return B.z
print(f())
def g():
    x = "g local"
    class C:
        x = "C attr"
        def m(self):
            return x
    return C().m()
print(g())
def h():
    v = 1
    class D:
        v = 2
        w = v
    return D.w, v
print(h())
