t = (3, 1, 4, 1, 5)
print(t.__len__(), t.__getitem__(2), t.__contains__(4), t.__add__((9,)), t.__mul__(2), t.__getitem__(slice(1, 3)))
print(tuple.__name__, type(t) is tuple, isinstance(t, tuple))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.x, p.y, p[0], len(p), p == (3, 4), hash(p) == hash((3, 4)), tuple(p))
print(sorted([Point(2, 1), Point(1, 5)]))
x, y = p
print(x + y, type(p + p).__name__)
print(iter(t).__next__(), list(reversed(t)), sorted(t), sum(t))
