def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
for a, b in [(12, 18), (17, 5), (100, 75), (0, 9), (2**40, 6**20), (123456789, 987654321)]:
    print(a, b, gcd(a, b), lcm(a, b) if a and b else 0)
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
for a, b in [(240, 46), (35, 15), (7, 3)]:
    g, x, y = egcd(a, b)
    print(g, x, y, a * x + b * y == g)
def modinv(a, m):
    g, x, _ = egcd(a, m)
    return x % m if g == 1 else None
print([modinv(a, 17) for a in range(1, 17)])
print(modinv(4, 8))
print(pow(3, -1, 17), pow(38, -1, 97))
