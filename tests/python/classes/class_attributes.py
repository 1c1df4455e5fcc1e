class Counter:
    total = 0
    instances = []
    def __init__(self):
        Counter.total += 1
        self.instances.append(self)
        self.id = Counter.total
a = Counter()
b = Counter()
print(Counter.total, a.total, len(Counter.instances), a.id, b.id)
a.total = 100
print(a.total, b.total, Counter.total)
Counter.total = 50
print(a.total, b.total)
class Shared:
    data = []
s1, s2 = Shared(), Shared()
s1.data.append(1)
print(s2.data)
s1.data = ["own"]
print(s1.data, s2.data, Shared.data)
print(sorted(k for k in Counter.__dict__ if not k.startswith("__")))
print("total" in vars(Counter), "total" in vars(a))
Counter.new_attr = "added later"
print(a.new_attr)
def added_method(self):
    return f"id={self.id}"
Counter.describe = added_method
print(b.describe())
setattr(Counter, "dyn", 7)
print(getattr(a, "dyn"), hasattr(Counter, "dyn"))
delattr(Counter, "dyn")
print(hasattr(a, "dyn"))
class Consts:
    A, B, C = range(3)
    NAMES = {A: "a", B: "b", C: "c"}
print(Consts.NAMES[Consts.C])
