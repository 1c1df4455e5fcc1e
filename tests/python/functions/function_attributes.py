def documented(a: int, b: str = "x") -> bool:
    """Docstring here."""
    return True
print(documented.__name__, documented.__qualname__, documented.__doc__)
print(documented.__annotations__)
print(documented.__defaults__, documented.__module__)
class C:
    def method(self):
        def inner():
            pass
        return inner
print(C.method.__qualname__, C().method().__qualname__, C.method.__name__)
def no_doc():
    pass
print(no_doc.__doc__, no_doc.__defaults__, no_doc.__kwdefaults__)
documented.custom = 42
print(documented.custom, "custom" in documented.__dict__)
print(callable(documented), callable(5), type(documented).__name__)
print((lambda: 0).__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print(documented.__code__.co_name, documented.__code__.co_varnames, documented.__code__.co_argcount)
f = documented
print(f is documented, f.__name__)
f.__name__ = "renamed"
print(documented.__name__)
def ann(x: "a string annotation", *args: int, y: list = None, **kw: dict) -> "ret":
    pass
print(ann.__annotations__)
