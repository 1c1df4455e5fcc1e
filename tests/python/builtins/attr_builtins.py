class C:
    cls_attr = "class"
    def __init__(self):
        self.inst = "instance"
c = C()
print(hasattr(c, "inst"), hasattr(c, "cls_attr"), hasattr(c, "nope"), hasattr(C, "inst"))
print(getattr(c, "inst"), getattr(c, "nope", "default"), getattr(C, "cls_attr"))
setattr(c, "new", 42)
print(c.new, getattr(c, "new"))
delattr(c, "new")
print(hasattr(c, "new"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
setattr(C, "added", lambda self: "method added")
print(c.added())
print(sorted(vars(c)), vars(c) is c.__dict__)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
print("append" in dir([]), "upper" in dir(""), "__add__" in dir(1))
setattr(c, "with space", 1)
print(getattr(c, "with space"))
print(getattr(1, "real"), getattr("s", "upper")(), getattr([], "__len__")())
