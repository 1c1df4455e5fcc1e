# repr/str of builtin types and functions (none of these include addresses)
print(int, str, list, type, object, len, print, range, bool, BaseException, ValueError)
print(repr(None), repr(...), repr(NotImplemented))
print(str(type(1)), str(type("")), str(type(len)), str(type(print)))
import math
print(math.__name__, type(math).__name__)
print(int.__name__, int.__qualname__, int.__module__, ValueError.__module__)
print(type(lambda: 0).__name__, type((x for x in [])).__name__, type(iter([])).__name__, type(iter(())).__name__)
print(type(iter({})).__name__, type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__, type(range(0)).__name__)
print(type(zip()).__name__, type(map(len, [])).__name__, type(reversed([])).__name__, type(enumerate([])).__name__, type(filter(None, [])).__name__)
print(type(1 .real).__name__, type("".upper).__name__, type([].append).__name__, type(len).__name__)
print(type(staticmethod(len)).__name__, type(classmethod(len)).__name__, type(property()).__name__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(slice(1)).__name__)
class K:
    def m(self):
        pass
print(type(K().m).__name__, type(K.m).__name__, type(K).__name__)
