x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
def set_global():
    global x
    x = "changed"
print(read_global(), shadow(), x)
set_global()
print(x)
def outer():
    v = "outer"
    def inner():
        return v
    v = "outer-late"
    return inner()
print(outer())
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())
def unbound():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()
class K:
    y = 10
    z = y * 2
    def m(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
print(K.z, K().m())
lst = [lambda: i for i in range(3)]
print([f() for f in lst])
lst2 = [lambda i=i: i for i in range(3)]
print([f() for f in lst2])
def gen_scope():
    total = 0
    for i in range(4):
        total += i
    return i, total
print(gen_scope())
print(sorted(k for k in locals().keys() if not k.startswith("__"))[:5])
