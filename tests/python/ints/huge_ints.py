import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
x = 10 ** 5000
print(len(str(x)))
y = 2 ** 20000
s = str(y)
print(len(s), s[:20], s[-20:])
print(sum(map(int, str(3 ** 3000))))
f = 1
for i in range(2, 700):
    f *= i
s = str(f)
print(len(s), s[:30])
print(len(s) - len(s.rstrip("0")))
print((2 ** 10000 - 1) % 9973)
print((10 ** 1000 + 7) // (10 ** 990 + 3))
print(int("9" * 3000) + 1 == 10 ** 3000)
print(x.bit_length(), y.bit_length())
print(len(str(10 ** 100000)))
print(len(str(7 ** 40000)))
sys.set_int_max_str_digits(4300)
try:
    str(10 ** 5000)
    print("converted")
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)))
print(len(hex(10 ** 5000)))
