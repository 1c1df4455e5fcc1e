a, b = 7.5, -2.25
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, divmod(a, b))
print(-a // 2, -a % 2, 7.5 % -2, -7.5 % -2)
print(a ** 2, b ** 3, 2.0 ** 0.5, (-8.0) ** 3)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 0.0 / -1)
print(5.0 // 0.3, 5.0 % 0.3)
print(1e308 * 10, -1e308 * 10)
print(1e-320 / 1e10)
print(abs(-3.5), abs(-0.0), -abs(2.5))
print(3 * 0.1, 0.1 * 3 == 0.3, round(0.1 * 3, 10) == 0.3)
print(1.0 % 1.0, (-1.0) % 1.0, 3.7 % 1, -3.7 % 1)
print(2.5 + 1, 1 + 2.5, 3 / 2.0, 2 ** -1.5)
print(10.0 // 3, -10.0 // 3, 10 // 3.0)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
print((-8) ** (1 / 3))
print(type((-8.0) ** 0.5).__name__)
