def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def uses_next():
    it = iter([1])
    while True:
        yield next(it)
try:
    print(list(uses_next()))
except RuntimeError as e:
    print("RuntimeError:", e)
def fine():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(fine()))
def raises():
    yield 1
    raise ValueError("in gen")
g = raises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
try:
    next(g)
except StopIteration:
    print("exhausted after error")
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def reenter():
    yield next(g3)
g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print("ValueError:", e)
