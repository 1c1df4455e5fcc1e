try:
    import _no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _helper_shapes import does_not_exist
except ImportError as e:
    print("ImportError:", e)
try:
    from math import nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import math
try:
    math.nonexistent
except AttributeError as e:
    print("AttributeError:", e)
def lazy():
    import _helper_shapes
    return _helper_shapes.PI
print(lazy())
