def a():
    raise KeyError("level a")
def b():
    try:
        a()
    except KeyError as e:
        raise TypeError("level b") from e
def c():
    try:
        b()
    except TypeError:
        raise RuntimeError("level c")
c()
