d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" in d, "z" not in d)
d["a"] = 10
print(d)
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", "dflt"))
print(d.setdefault("a", 0), d.setdefault("new", []), d)
d["new"].append(1)
print(d)
print(d.pop("new"), d.pop("nope", "missing"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("abc", range(3))), dict({"q": 1}, r=2), dict())
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
c.clear()
print(c, bool(c), bool(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({1: "a", 1.0: "b", True: "c"})
print({(1, 2): 3, None: 4, 2.5: 5, "s": 6, frozenset({1}): 7})
