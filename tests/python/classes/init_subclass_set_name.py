class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b-plugin"):
    pass
class Gamma(Beta):
    pass
print(Plugin.registry, Gamma.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.name, Model.a.owner)
class Late:
    pass
f = Field()
Late.c = f
print(hasattr(f, "name"))
class Validated:
    fields = ()
    def __init_subclass__(cls):
        cls.fields = tuple(k for k, v in cls.__dict__.items() if isinstance(v, Field))
class Rec(Validated):
    x = Field()
    y = Field()
    z = 5
print(Rec.fields)
