a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
c = a[:]
c.append(5)
print(a, c)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("n")
    return lst
x = [0]
print(mutate(x), x)
def f(item, acc=[]):
    acc.append(item)
    return acc
print(f(1), f(2), f(3, []), f(4))
nested = [[1, 2], [3, 4]]
shallow = list(nested)
shallow[0].append(99)
shallow[1] = "replaced"
print(nested, shallow)
a = [1, 2]
a += a
print(a)
a = [1, 2]
a = a + a
print(a)
a *= 2
print(a)
m = [[]] * 2
m[0].append(1)
print(m, m[0] is m[1])
