a = list(range(10))
print(a[-10], a[9], a[-1])
for i in (10, -11, 100):
    try:
        a[i]
    except IndexError as e:
        print(i, "IndexError:", e)
    try:
        a[i] = 0
    except IndexError as e:
        print(i, "IndexError:", e)
print(a.index(3, -8), a.index(9, -1), a.index(0, -100, 100))
b = [1, 2, 3]
b.insert(-100, 0); b.insert(100, 4); b.insert(2, 1.5)
print(b)
print(b.pop(-2), b.pop(0), b)
c = []
c[:] = range(3)
c[len(c):] = [3]
c[-1:-1] = ["x"]
print(c)
print([][:], [][5:], [1][-5:5], list(range(5))[4:-6:-1])
