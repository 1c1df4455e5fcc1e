class Tracked:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print("__init__", v)
        self.v = v
t = Tracked(5)
print(t.created, t.v)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())
class Immutable:
    __slots__ = ("_v",)
    def __new__(cls, v):
        self = object.__new__(cls)
        object.__setattr__(self, "_v", v)
        return self
    def __setattr__(self, k, v):
        raise AttributeError("immutable")
    @property
    def v(self):
        return self._v
im = Immutable(7)
print(im.v)
try:
    im.v = 1
except AttributeError as e:
    print("AttributeError:", e)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            obj = super().__new__(cls)
            obj.key = key
            cls._cache[key] = obj
        return cls._cache[key]
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"), len(Cached._cache))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
