vals = [0, 1, 5, -1, -6, 255, 2 ** 40, -(2 ** 40) + 3]
for v in vals:
    print(v, ~v, v & 0xFF, v | 0x10, v ^ 0xAA, v << 3, v >> 2, v.bit_length())
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print((1 << 100) >> 98, (1 << 100) & ((1 << 100) - 1))
print(-1 >> 100, -(1 << 100) >> 99)
print((2 ** 70 - 1) & (2 ** 35 + 7), (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 5))
print(-(2 ** 70) & 0xFFFF, -(2 ** 70) | 5, -(2 ** 70) ^ -1)
print(bin(-37), hex(-255), oct(-8))
print((255).bit_count() if hasattr(int, "bit_count") else "n/a", (-7).bit_count())
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1 >> -1)
except ValueError as e:
    print("ValueError:", e)
print(True << 3, False | 4)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(20)])
print(1 << 64, (1 << 64) - 1 == 0xFFFFFFFFFFFFFFFF)
print(0x7FFFFFFFFFFFFFFF << 1, 0x4000000000000000 << 1)
