from _helper_shapes import *
print(PI, area_circle(1), Square(2))
try:
    print(bump)
except NameError as e:
    print("NameError:", e)
try:
    print(_private)
except NameError as e:
    print("NameError:", e)
