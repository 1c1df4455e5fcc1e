print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 20))
print(float(2 ** 1023), float(-(2 ** 1000)))
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2 ** 1024 / 1)
except OverflowError as e:
    print("OverflowError:", e)
print((2 ** 1024) / (2 ** 1020))
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
print(1 / 3, 2 / 3, 10 / 4, -9 / 4)
print(int(1e15), int(1.5e16), int(-2.5))
print(complex(3), complex(2 ** 60))
print(bool(0), bool(-5), str(-0), abs(-0))
print(3 == 3.0, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(round(2 ** 70 / 3), round(7 / 2), round(5 / 2), round(-7 / 2))
print(int("1" * 30) * 1.0)
print(1 < 1.5 < 2, 2 ** 100 < float("inf"), -(2 ** 100) > float("-inf"))
print(10 ** 16 + 1 > 1e16, 10 ** 16 + 1 == 1e16)
