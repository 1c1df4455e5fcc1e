count = 0
def increment():
    global count
    count += 1
for _ in range(5):
    increment()
print(count)
def define_global():
    global newly_defined
    newly_defined = "created inside"
define_global()
print(newly_defined)
def outer():
    x = "outer"
    def change():
        nonlocal x
        x = "changed"
    change()
    return x
print(outer())
def shadow_global():
    count = 100
    return count
print(shadow_global(), count)
def read_then_global():
    return count * 2
print(read_then_global())
x = "module"
def f():
    x = "f"
    def g():
        global x
        return x
    return g()
print(f())
def make():
    v = 0
    def get():
        return v
    def setv(n):
        nonlocal v
        v = n
    return get, setv
get, setv = make()
setv(42)
print(get())
def loop_nonlocal():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(10):
        add(i)
    return total
print(loop_nonlocal())
print(globals()["count"], "increment" in globals())
def locals_demo(a, b=2):
    c = a + b
    return sorted(locals().items())
print(locals_demo(1))
