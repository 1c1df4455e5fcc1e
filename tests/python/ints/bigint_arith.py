a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 12345, a % 12345)
print(b // a, b % a)
print(-a // 7, -a % 7)
print(divmod(b, -a))
print(a ** 3)
print(-(2 ** 64), abs(-(2 ** 64)))
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)))
print(f // (f // 1000))
print(sum(int(c) for c in str(2 ** 1000)))
x = 1
for _ in range(200):
    x = x * 3 + 1
print(x % 1000000007, x.bit_length())
print((2 ** 127 - 1) % 1000003)
print(10 ** 30 // 10 ** 15, 10 ** 30 / 10 ** 15)
print(2 ** 64 == 18446744073709551616, 2 ** 63 - 1)
print(-(2 ** 63), -(2 ** 63) - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, (-9223372036854775808) * -1)
print(3037000499 * 3037000499, 3037000500 * 3037000500)
print(-9223372036854775808 // -1, abs(-9223372036854775808))
print(2 ** 62 + 2 ** 62, 4611686018427387904 * 2)
