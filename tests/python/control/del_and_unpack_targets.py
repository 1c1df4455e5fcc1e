a = [0, 1, 2, 3, 4, 5]
a[1], a[3] = a[3], a[1]
print(a)
i = 0
a[i], i = 100, 2
print(a, i)
x = [1, 2, 3]
x[0], x[1], x[2] = x[2], x[0], x[1]
print(x)
class O: pass
o = O()
o.a, o.b = 1, 2
o.a, o.b = o.b, o.a
print(o.a, o.b)
d = {}
d["x"], d["y"] = "X", "Y"
print(d)
first, (second, *rest), last = 1, [2, 3, 4], 5
print(first, second, rest, last)
for (a1, b1), c1 in [((1, 2), 3), ((4, 5), 6)]:
    print(a1 + b1 + c1)
[p, [q, r]] = [1, [2, 3]]
print(p, q, r)
del a[0], a[-1]
print(a)
m = [[1, 2], [3, 4]]
del m[0][0], m[1]
print(m)
