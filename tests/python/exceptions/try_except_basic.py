def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        print("cannot divide by zero")
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally runs")
print(div(6, 3))
print(div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError base caught", type(e).__name__, repr(e))
try:
    int("x")
except Exception as e:
    print("generic", type(e).__name__, e.args)
try:
    raise ValueError
except ValueError as e:
    print("bare class raise", repr(e), e.args, str(e) == "")
try:
    raise ValueError("a", 1, [2])
except ValueError as e:
    print(e, e.args, repr(e))
e_var = "before"
try:
    raise KeyError("k")
except KeyError as e_var:
    pass
try:
    print(e_var)
except NameError as ne:
    print("NameError:", ne)
for exc in [TypeError, ValueError, OSError, AttributeError]:
    try:
        raise exc("msg")
    except (TypeError, ValueError):
        print("group 1", exc.__name__)
    except Exception:
        print("group 2", exc.__name__)
