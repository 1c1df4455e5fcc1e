for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 5):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(divmod(2 ** 70 + 1, 3), divmod(-(2 ** 70) - 1, 3))
print((-2 ** 70) // 3, (-2 ** 70) % 7)
print(1 // 1, 0 // 5, -1 // 10)
