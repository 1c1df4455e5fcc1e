# `d[key]` with str keys in compiled loops: keys that are the dict's own objects, equal
# strs made at run time (hash not computed yet), colliding slots, deleted entries, missing
# keys, an empty dict, and a dict replaced mid-loop.


def total(d, keys):
    t = 0
    for k in keys:
        t += d[k]
    return t


names = [f"n{i}" for i in range(40)]
d = {k: i for i, k in enumerate(names)}
print("same objects", total(d, names * 20))
fresh = ["n" + str(i % 40) for i in range(800)]
print("fresh strs", total(d, fresh))
for i in range(0, 40, 3):
    del d[names[i]]
kept = [k for k in names if k in d]
print("after deletes", total(d, kept * 20))
try:
    total(d, kept * 10 + [names[0]])
except KeyError as e:
    print("KeyError", e)
print("empty", total({}, []))
try:
    total({}, ["x"])
except KeyError as e:
    print("KeyError", e)


def switch(dicts, keys):
    t = 0
    for i, k in enumerate(keys):
        t += dicts[i % len(dicts)][k]
    return t


a = {"x": 1, "y": 2, "z": 3}
b = {"z": 30, "y": 20, "x": 10}
print("switch", switch([a, b], ["x", "y", "z"] * 300))
big = {f"key{i}": i for i in range(5000)}
ks = list(big)
print("big", total(big, ks[::-7] * 3))


class Weird(str):
    pass


w = {Weird("a"): 1, "b": 2}
print("subclass key", total(w, ["a", "b"] * 300))
