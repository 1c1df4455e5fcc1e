vals = [7, -7, 7.0, -7.5, True, 2 ** 70, 3 + 4j]
for v in vals:
    row = [type(v).__name__, abs(v)]
    if not isinstance(v, complex):
        row += [round(v), int(v), float(v), v // 2, v % 3, divmod(v, 4)]
    row += [v * 2, v + 1, bool(v), -v]
    print(row)
print(int.__add__(1, 2), float.__mul__(1.5, 2.0), complex.__add__(1j, 1j))
print(sum([1, 2.0, 3j]), 1 + 2.0 + 3j, type(1 + 2.0).__name__, type(True + 1).__name__, type(1 / 1).__name__)
print((1).__truediv__(2), (1).__rtruediv__(2), (5).__floordiv__(2.0), (5.0).__floordiv__(2))
print(int.__truediv__(7, 2), float.__floordiv__(7.0, 2.0))
print(NotImplemented == (1).__add__(1.0), (1.0).__radd__(1))
