vals = [0j, 1 + 0j, 1j, -1j, 2.5 + 0j, complex(0, 2.5), complex(1, 1), complex(-1, -1), complex(1e10, 1e-10)]
for v in vals:
    print(repr(v), hash(v), v == v.real, v == complex(v.real, v.imag))
print(hash(complex(5, 0)) == hash(5), hash(complex(2.5, 0)) == hash(2.5))
d = {1: "int", 1 + 0j: "complex"}
print(d)
print({0j, 0, 0.0, False})
print((1 + 2j) in [1 + 2j], (1 + 2j) in {1 + 2j: 0}, [1j, 2j].index(2j))
print(1j != 1, 1j == 1j, complex(1, 0) == 1.0, complex(1, 0) != True)
