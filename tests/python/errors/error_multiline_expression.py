def compute(a, b, c):
    return (a * 2 +
            b * 3 +
            c.value)
print(compute(1, 2, type("C", (), {"value": 3})()))
print(compute(1, 2, 3))
