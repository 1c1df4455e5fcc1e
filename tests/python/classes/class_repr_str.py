class OnlyStr:
    def __str__(self):
        return "str-form"
class OnlyRepr:
    def __repr__(self):
        return "repr-form"
class Both:
    def __str__(self):
        return "both-str"
    def __repr__(self):
        return "both-repr"
for o in (OnlyRepr(), Both()):
    print(str(o), repr(o), f"{o}", f"{o!r}", [o], (o,), {"k": o}, "%s|%r" % (o, o))
s = OnlyStr()
print(str(s), f"{s}", "%s" % s)
print(repr(s).startswith("<__main__.OnlyStr object at 0x"))
class Inherit(Both):
    pass
print(str(Inherit()), repr(Inherit()))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Rec:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Rec({self.children})"
r = Rec()
r.children.append(Rec())
print(r)
print(repr(Both), str(OnlyRepr).endswith("OnlyRepr'>"))
print(Both.__qualname__, Both.__module__)
