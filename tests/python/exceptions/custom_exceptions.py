class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__(f"{what} not found")
        self.what = what
        self.code = code
class Invalid(AppError):
    def __str__(self):
        return "invalid: " + ", ".join(map(str, self.args))
for exc in [NotFound("page"), Invalid("a", 1), AppError("plain"), NotFound("user", code=410)]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.what, e.code, e.args)
    except AppError as e:
        print("AppError", type(e).__name__, e, repr(e))
print(issubclass(NotFound, Exception), NotFound.__mro__[1:3])
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))
class NoArgs(Exception):
    def __init__(self):
        super().__init__()
e = NoArgs()
print(repr(e), str(e), e.args)
class KeepsData(ValueError):
    def __init__(self, data):
        self.data = data
k = KeepsData([1, 2])
print(k.data, k.args, str(k), repr(k))
class MyKeyError(KeyError):
    pass
try:
    raise MyKeyError("key")
except LookupError as e:
    print(type(e).__name__, e, str(e))
print(str(KeyError("k")), str(KeyError("k", "extra")), str(KeyError()), str(KeyError(5)))
