def risky():
    raise ValueError("original message")
def handler():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise
try:
    handler()
except ValueError as e:
    print("outer got", e)
def modify():
    try:
        risky()
    except ValueError as e:
        e.args = ("modified",)
        raise
try:
    modify()
except ValueError as e:
    print("outer got", e)
def raise_e():
    try:
        risky()
    except ValueError as e:
        raise e
try:
    raise_e()
except ValueError as e:
    print("raise e:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def nested():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            pass
        raise
try:
    nested()
except KeyError as e:
    print("re-raised the KeyError:", e)
except IndexError:
    print("wrong")
import sys
try:
    raise TypeError("t")
except TypeError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2] is not None)
    print(sys.exception() if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info())
