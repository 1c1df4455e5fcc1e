class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, len(dd))
print(dd.get("zz"), "zz" in dd)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello world":
    c[ch] += 1
print(sorted(c.items()))
print(c["nope"], "nope" in c)
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
l = Lower()
l["ABC"] = 1
print(l, l["aBc"], list(l.keys()))
class Tracking(dict):
    def __delitem__(self, k):
        print("deleting", k)
        super().__delitem__(k)
t = Tracking(a=1, b=2)
del t["a"]
print(t)
print(isinstance(dd, dict), type(dd).__name__, dict(dd))
