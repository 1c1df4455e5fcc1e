z = 3 + 4j
print(z, repr(z), z.real, z.imag, abs(z), z.conjugate())
w = complex(1, -2)
print(w, z + w, z - w, z * w, z / w)
print(z ** 2, z ** 0.5, (1j) ** 2, 1j * 1j)
print(complex("1+2j"), complex("-3.5j"), complex(" 2 "), complex("(1-1j)"))
print(complex(2), complex(0, 0), complex(-0.0, -0.0), 0j, -0j)
print(1j, -1j, 2.5j, 1e20j, complex(1e300, 1e-300))
print(z == 3 + 4j, z != w, (1 + 0j) == 1, 2j == 2)
print(type(z).__name__, isinstance(z, complex))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)))
print(z.__add__(1), (2 + 3j).__mul__(2j))
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)
print(complex(float("inf"), 1), complex(float("nan"), 0))
print(bool(0j), bool(1j), bool(complex(0, -0.0)))
print(pow(1 + 1j, 3), (1 + 1j) ** -1, 2 ** (1j))
print(f"{z}", f"{w:.2f}", format(1.5 + 2.25j, ">20"), f"{z:g}")
print(abs(-3j), abs(complex(-5, 12)))
print(sum([1j, 2, 3.5]), (1 + 2j) * 2.5)
