for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1e16 + 0.5]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -2), round(1234.5678, -1), round(1250.0, -2), round(1350.0, -2))
print(round(0.1 + 0.2, 15), round(2.5), round(3.5), round(-3.5))
print(round(1e300, 2), round(1.23456789e-10, 12))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
print(round(123.456, None), round(-0.4), round(-0.6))
import math
for v in [2.3, 2.7, -2.3, -2.7, 5.0, -0.0]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
print(math.floor(1e20), math.ceil(-1e20))
print(type(math.floor(2.5)).__name__)
