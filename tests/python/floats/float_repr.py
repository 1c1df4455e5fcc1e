vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234,
        1.5e300, 2.5e-300, 5e-324, 1.7976931348623157e308, 3.141592653589793, 2.0 / 3, 100.0, 1e22, 1e23,
        12345.6789, 0.3, 1 / 7, 9007199254740993.0, 4.35, 0.5, 1e100, 123e-20]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
print(repr(float("infinity")), float("-Infinity"), float(" 1.5 "), float("1_0.5"))
print(float("1e5"), float("-1.5E-3"), float(".5"), float("5."), float("+0.0"))
print(float(10), float(True), float(-7))
print([0.1 * i for i in range(10)])
print(sum([0.1] * 10))
print(1.1 * 3, 2.2 + 1.1, 0.7 - 0.4)
