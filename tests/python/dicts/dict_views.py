d = {1: "a", 2: "b", 3: "c"}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d[4] = "d"
print(k, len(v), (4, "d") in it, 4 in k, "d" in v)
print(k & {1, 2, 99}, k | {5}, k - {1}, k ^ {1, 10})
print(it & {(1, "a"), (2, "x")})
print(sorted(k), sorted(v), sorted(it, reverse=True))
print(list(zip(d.keys(), d.values())))
print(k == {1, 2, 3, 4}, d.keys() == d.keys(), isinstance(k, type({}.keys())))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(d.keys().isdisjoint({9}), {1: 2}.items() <= {1: 2, 3: 4}.items())
print(list(reversed(d.keys())), list(reversed(d.values())))
try:
    for key in d:
        d[key + 10] = "new"
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = {1: 1, 2: 2}
try:
    for key in d2.keys():
        del d2[key]
except RuntimeError as e:
    print("RuntimeError:", e)
d3 = {1: 1, 2: 2}
for key in list(d3):
    del d3[key]
print(d3)
d4 = {1: 1}
for key in d4:
    d4[key] = "changed ok"
print(d4)
