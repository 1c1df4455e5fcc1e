class A: pass
class B(A): pass
class C: pass
objs = [A(), B(), C(), 1, "s", [], None, True, 1.5]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, (B, C)), isinstance(o, (int, str)), isinstance(o, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(int, object), issubclass(type, object))
print(isinstance(A, type), isinstance(type, type), isinstance(object, type), type(A) is type)
class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int) and inst > 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Positive(metaclass=Meta):
    pass
print(isinstance(5, Positive), isinstance(-5, Positive), isinstance("x", Positive), issubclass(bool, Positive), issubclass(int, Positive))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, int | str), isinstance(None, type(None) | int), issubclass(bool, int | float))
print(int | str)
