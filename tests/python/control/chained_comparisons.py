x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
def v(n):
    print("v", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
a = [1, 2]
print(1 in a in [a], 3 not in a is not None)
print(0 <= 0.0 <= False, "a" < "b" < "c" != "c")
print(x is not None is not False)
lo, hi = 0, 10
vals = [-1, 0, 5, 10, 11]
print([lo <= val < hi for val in vals])
print((1 < 2) < 3, 1 < (2 < 3))
