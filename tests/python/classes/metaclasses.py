class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by_meta = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return f"class {cls.__name__}"
class Base(metaclass=Meta):
    def __init__(self, v):
        self.v = v
    def method(self):
        pass
class Child(Base, flag=True):
    attr = 1
c = Child(5)
print(c.v, Child.created_by_meta, type(Child).__name__, Child.describe(), isinstance(Child, Meta))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")
a = Config()
b = Config()
print(a is b)
Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: "hi " + str(self.x)})
print(Dyn().hello(), Dyn.__name__, Dyn.x, type(Dyn) is type)
Sub = type("Sub", (Dyn,), {})
print(Sub().hello(), Sub.__mro__[1].__name__)
print(type(type), type(int), type(Meta))
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 99}
class UsesPrepare(metaclass=OrderedMeta):
    pass
print(UsesPrepare.injected)
class AutoRepr(type):
    def __repr__(cls):
        return f"<AutoRepr {cls.__name__}>"
class Shown(metaclass=AutoRepr):
    pass
print(repr(Shown), Shown)
