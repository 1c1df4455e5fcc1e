class Tag:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self
    def __exit__(self, *exc):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>")
with Tag("html"):
    with Tag("body"):
        with Tag("p"), Tag("b"):
            print("    text")
class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *a):
        self.exited = True
with Timer() as t:
    print("inside", t.entered)
print("exited", t.exited)
def gen_cm():
    class CM:
        def __enter__(self):
            return [1, 2, 3]
        def __exit__(self, *a):
            return False
    return CM()
with gen_cm() as (a, b, c):
    print(a, b, c)
with gen_cm() as lst:
    lst.append(4)
    print(lst)
class Obj:
    pass
o = Obj()
with gen_cm() as o.attr:
    pass
print(o.attr)
d = {}
with gen_cm() as d["k"]:
    pass
print(d)
