for thing in [ValueError, ValueError("inst"), TypeError("t", 2)]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
def thrower(kind):
    if kind == 1:
        raise ValueError("one")
    elif kind == 2:
        raise KeyError("two")
    return "no error"
for k in (0, 1, 2):
    try:
        print(thrower(k))
    except (ValueError, KeyError) as e:
        print("caught", repr(e))
err = RuntimeError("stored")
for i in range(2):
    try:
        raise err
    except RuntimeError as e:
        print(i, e is err)
try:
    raise ValueError("with tb").with_traceback(None)
except ValueError as e:
    print(e)
