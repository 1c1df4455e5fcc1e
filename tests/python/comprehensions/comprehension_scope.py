x = 10
res = [x for x in range(3)]
print(res, x)
y = 5
print([y * i for i in range(3)])
def f():
    z = 2
    return [z * i for i in range(3)]
print(f())
class C:
    val = 3
    items = [i for i in range(3)]
    try:
        bad = [val * i for i in range(3)]
    except NameError as e:
        bad = "NameError: " + str(e)
print(C.items, C.bad)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [(lambda j: lambda: j)(i) for i in range(3)]
print([fn() for fn in funcs2])
print([(n := i * 2) for i in range(3)], n)
total = 0
vals = [total := total + i for i in range(5)]
print(vals, total)
def g():
    return [[i, j] for i in range(2) for j in range(i, 2)]
print(g())
gen = (i for i in range(3))
print(list(gen))
data = [1, 2, 3]
gen2 = (d * 10 for d in data)
data = [7, 8]
print(list(gen2))
a = [1, 2]
gen3 = (i + j for i in a for j in a)
a.append(3)
print(list(gen3))
