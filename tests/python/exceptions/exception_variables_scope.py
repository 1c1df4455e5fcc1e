def f():
    e = "local e"
    try:
        raise ValueError("v")
    except ValueError as e:
        msg = str(e)
    try:
        return e
    except UnboundLocalError as err:
        return "unbound after except: " + msg
print(f())
try:
    raise KeyError("saved")
except KeyError as exc:
    saved = exc
print(repr(saved))
errs = []
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError as e:
        errs.append(e)
print([e.args[0] for e in errs])
def handler_sees_outer():
    x = 10
    try:
        raise RuntimeError
    except RuntimeError:
        x += 1
    return x
print(handler_sees_outer())
