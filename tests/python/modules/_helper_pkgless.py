import _helper_shapes
def double_area(r):
    return 2 * _helper_shapes.area_circle(r)
VALUE = "from pkgless helper"
