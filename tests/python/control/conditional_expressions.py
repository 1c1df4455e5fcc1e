vals = [-2, -1, 0, 1, 2]
print(["neg" if v < 0 else "zero" if v == 0 else "pos" for v in vals])
print([abs(v) if v % 2 else v * 10 for v in vals])
f = lambda v: (v if v > 0 else -v) * 2
print(list(map(f, vals)))
x = None
y = x if x is not None else "default"
print(y)
def side(name, val):
    print("eval", name)
    return val
print(side("a", 1) if side("cond", True) else side("b", 2))
print(side("a", 1) if side("cond", False) else side("b", 2))
print(1 if True else 1 / 0)
print(max(1, 2) if min(3, 4) > 2 else None)
