import math
def mandel(c, n):
    z = 0
    for i in range(n):
        z = z * z + c
        if abs(z) > 2:
            return i
    return n
print([mandel(complex(x / 4, 0.5), 40) for x in range(-8, 3)])
roots = [complex(math.cos(2 * math.pi * k / 5), math.sin(2 * math.pi * k / 5)) for k in range(5)]
for r in roots:
    p = r ** 5
    print(round(p.real, 9), round(p.imag, 9) + 0.0)
print(abs(sum(roots)) < 1e-12)
def dft(xs):
    n = len(xs)
    out = []
    for k in range(n):
        s = 0j
        for t, x in enumerate(xs):
            ang = -2 * math.pi * t * k / n
            s += x * complex(math.cos(ang), math.sin(ang))
        out.append(s)
    return out
res = dft([1, 2, 3, 4, 0, 0, 0, 0])
for c in res:
    print("%.6f %.6f" % (c.real, c.imag))
a = 2 + 3j
b = 4 - 1j
print(a * b == complex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real))
print((a / b) * b)
print(a.conjugate() * a)
