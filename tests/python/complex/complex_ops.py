z = complex(3, -4)
ops = [("neg", -z), ("pos", +z), ("abs", abs(z)), ("add int", z + 2), ("radd", 2 + z), ("sub float", z - 1.5),
       ("rsub", 1.5 - z), ("mul", z * z), ("rmul", 3 * z), ("div", z / 2), ("rdiv", 10 / z), ("pow", z ** 3),
       ("pow0", z ** 0), ("pow neg", z ** -2), ("eq", z == complex(3, -4)), ("ne", z != 3)]
for name, val in ops:
    print(name, val)
x = 1 + 1j
x += 1
print(x)
x *= 1j
print(x)
x /= 2
print(x)
x -= x
print(x)
print(z.__eq__(complex(3, -4)), z.__ne__(3), z.__neg__())
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
try:
    z % 2
except TypeError as e:
    print("TypeError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(0j ** 0, 0j ** 2)
print(complex(True, False), complex(1.5), complex(2, 3.5))
try:
    complex("1", 2)
except TypeError as e:
    print("TypeError:", e)
