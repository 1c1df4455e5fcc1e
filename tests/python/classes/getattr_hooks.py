class Dynamic:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.real, d.auto_hello, getattr(d, "auto_x"), hasattr(d, "auto_y"), hasattr(d, "nope"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "missing", "fallback"))
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
l = Logged()
l.a = 1
l.b = l.a + 1
del l.a
print(l.log)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*a, **k):
                return ("proxied", attr(*a, **k))
            return wrapped
        return attr
p = Proxy([3, 1, 2])
print(p.count(1), p.index(2))
p2 = Proxy("text")
print(p2.upper(), p2.__class__.__name__)
class Fallback:
    x = 1
    def __getattribute__(self, name):
        if name == "x":
            raise AttributeError("x hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"getattr({name})"
print(Fallback().x, Fallback().y)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot set {k}")
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e, f.v)
class AttrErrorInProperty:
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"__getattr__ rescued {name}"
print(AttrErrorInProperty().broken)
