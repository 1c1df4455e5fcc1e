class TagSet(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
        return self
t = TagSet([1, 2])
t.add_all(3, 4)
print(sorted(t), len(t), isinstance(t, set), type(t).__name__)
print(type(t | {9}).__name__, sorted(t & {1, 9}))
class HashPoint:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {HashPoint(1, 2), HashPoint(1, 2), HashPoint(2, 1)}
print(len(pts), sorted(pts, key=lambda p: (p.x, p.y)))
print(HashPoint(2, 1) in pts, HashPoint(3, 3) in pts)
e = set()
print(e, repr(e), str(frozenset()), bool(e))
print(len({1, 1.0, True}), {0, False, 0.0})
print(set.__name__, {1}.copy(), min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}))
