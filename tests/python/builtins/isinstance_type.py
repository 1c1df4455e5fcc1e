vals = [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, 1j, range(1), len, int]
for v in vals:
    print(type(v).__name__, type(v) is type(v), isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, object))
print(type(1) == int, type(True) == int, type(True) is bool, isinstance(True, int))
print(type(type), type(object), type(None), type(...), type(NotImplemented))
print(issubclass(int, object), issubclass(bool, (str, int)), issubclass(list, list))
print(type("x", (), {}).__name__, type(5)("42"))
print(int.__mro__, bool.__mro__, object.__bases__, type.__bases__)
