import _helper_shapes
print(_helper_shapes.PI, _helper_shapes.area_circle(2), _helper_shapes.Square(3).area())
print(_helper_shapes.__name__, _helper_shapes.__doc__)
print(type(_helper_shapes).__name__)
import _helper_shapes as hs
print(hs is _helper_shapes, hs.bump(), hs.bump(), _helper_shapes.counter)
from _helper_shapes import Square, area_circle as ac
print(Square(4), ac(1))
import sys
print("_helper_shapes" in sys.modules, sys.modules["_helper_shapes"] is hs)
import _helper_shapes
print("second import does not re-execute")
from _helper_pkgless import double_area, VALUE
print(double_area(1), VALUE)
print(hs.counter)
print(sorted(n for n in dir(hs) if not n.startswith("__")))
hs.new_attr = 5
import _helper_shapes as again
print(again.new_attr)
