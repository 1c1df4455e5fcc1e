print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer(), (1e300).is_integer())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), (1e-320).hex(), (0.0).hex())
print(float.fromhex("0x1.8p1"), float.fromhex("0x1p-1074"), float.fromhex("-0x1.999999999999ap-4"))
print(float.fromhex("inf"), float.fromhex("0x10"))
print((2.5).real, (2.5).imag, (2.5).conjugate())
print((7.25).__trunc__(), (7.75).__floor__(), (7.25).__ceil__(), (7.5).__round__())
print(float.__add__(1.5, 2.0), (1.5).__radd__(1), (2.0).__rtruediv__(1))
print((3.0).__eq__(3), (3.0).__lt__(2), (1.0).__eq__("1"))
import sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.max_exp)
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 == 1.0)
print(float.__name__, type(1e5).__name__, isinstance(1.0, float))
class F(float):
    def __repr__(self):
        return "F(%s)" % float.__repr__(self)
f = F(2.5)
print(f, repr(f), f + 1, type(f + 1).__name__, f == 2.5)
