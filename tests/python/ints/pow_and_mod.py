print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7))
print(pow(2, -2), pow(-2, 3), pow(-2, -3))
print(pow(7, 0, 5), pow(0, 0), pow(5, 1, 1))
print(pow(-3, 3, 7), pow(3, 3, -7))
print(pow(2, 10 ** 6, 10 ** 9 + 9))
print(pow(12345678901234567890, 98765, 10 ** 20 + 39))
print(pow(3, -1, 11), pow(10, -2, 13))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print((-8) ** 2, (-2) ** 63, (-2) ** 64)
print(10 ** -3, 0 ** 5, 1 ** 10 ** 9)
print(type(2 ** -1).__name__, type(2 ** 2).__name__)
def modexp(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
for b, e, m in [(2, 100, 97), (5, 117, 19), (123, 4567, 10007)]:
    print(modexp(b, e, m), pow(b, e, m))
print((-1) ** 0.5)
