a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-1:-4:-1], a[5:5], a[20:])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [10, 11, 12]
print(b)
b[:] = [0]
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c[::-3] = [None] * 4
print(c)
d = list(range(10))
del d[::3]
print(d)
d[2:4] = []
print(d)
d[-1:] = [7, 8, 9]
print(d)
e = [1, 2, 3]
e[5:] = [6]
print(e)
e[:0] = [-1]
print(e)
f = list(range(6))
f[4:1] = ["q"]
print(f)
g = [1, 2, 3, 4]
g[1:3] = g
print(g)
print(a[slice(1, 8, 3)], a[slice(None, None, -4)])
print(a[-100:100], a[3:-3], a[-3:3])
