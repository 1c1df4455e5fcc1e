class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__, ev)
            return True
        return False
with Suppress(KeyError):
    {}["x"]
print("continued")
try:
    with Suppress(KeyError):
        [][0]
except IndexError as e:
    print("IndexError passed through:", e)
class Replacer:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et:
            raise RuntimeError("replaced") from ev
try:
    with Replacer():
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
class EnterFails:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with EnterFails():
        print("body should not run")
except ValueError as e:
    print("ValueError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise KeyError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except KeyError as e:
    print("KeyError:", e, "context:", repr(e.__context__))
class Transaction:
    def __init__(self):
        self.state = []
    def __enter__(self):
        self.state.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.state.append("rollback" if et else "commit")
t = Transaction()
with t:
    pass
try:
    with t:
        raise Exception("fail")
except Exception:
    pass
print(t.state)
