cases = [1 + 1j, 1 - 1j, -1 - 1j, 0.5j, complex(1.5, 0), complex(0, 0), complex(-0.0, 0), complex(0, -0.0),
         complex(1e16, 1e-16), complex(1, float("inf")), complex(float("-inf"), float("nan")), 3 + 0j, -2j,
         complex(123456789, 987654321), 1 / 3 + 2j / 3]
for c in cases:
    print(repr(c), str(c), c.real, c.imag)
print(repr(complex("1e3+1e-3j")), complex("J"), complex("-j"))
print([complex(i, -i) for i in range(3)])
