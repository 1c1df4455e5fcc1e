boundaries = [2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64]
for b in boundaries:
    print(b, b + 1, b * 2, -b, b * b, b // 3, b % 1000, b << 1, b >> 1)
x = 2 ** 63 - 1
print(x + x, x * x, x - (-x), -x - 2, abs(-x - 1))
acc = 1
for i in range(70):
    acc *= 2
print(acc, acc - 1, acc.bit_length())
m = -(2 ** 63)
print(m, m - 1, m * -1, m // -1, m % 7, abs(m), -m)
s = 0
for i in range(100):
    s += 2 ** 62
print(s)
print(3 ** 40, (3 ** 40) * (3 ** 40) // 3 ** 79)
