d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d))
d["alpha"] = 99
print(list(d))
del d["zeta"]
d["zeta"] = 0
print(list(d.items()))
print(list(reversed(d)), list(reversed(d.items())))
e = dict.fromkeys(range(10))
for k in [3, 7, 1]:
    del e[k]
e[1] = "back"
print(list(e))
print({"b": 1, "a": 2} == {"a": 2, "b": 1})
print(list({3: 0, 1: 0, 2: 0}))
m = {**{"x": 1, "y": 2}, **{"y": 3, "z": 4}}
print(m)
print({"a": 1} | {"b": 2, "a": 3}, {"b": 2, "a": 3} | {"a": 1})
m |= {"w": 0}
print(m)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
for i in range(0, 20, 2):
    big[i] = -i
print(list(big.items())[-5:])
