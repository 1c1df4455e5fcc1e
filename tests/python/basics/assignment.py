# assignment forms
a = b = c = 7
print(a, b, c)
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
[p, q] = "xy"
print(p, q)
x = [0, 0, 0]
x[0], x[1] = 10, 20
print(x)
i = 0
i, x[i] = 2, 99
print(i, x)
d = {}
d["k"] = d.get("k", 0) + 1
d["k"] += 5
print(d)
class O: pass
o = O()
o.val = 3
o.val *= 7
print(o.val)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, lst is alias)
t = (1, 2)
t2 = t
t += (3,)
print(t2, t)
s = "ab"
s *= 3
print(s)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
n = m = []
n.append(1)
print(m)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a + b + c + d)
x, = [42]
print(x)
