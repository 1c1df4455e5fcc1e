class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
q = Point(4, 6)
print(p, q, p.dist2(q), p.moved(1, 1), p == Point(1, 2), p != q, p == 5)
print(Point.dims, p.dims, Point.__doc__, Point.__name__, type(p).__name__)
print(sorted(vars(p).items()), p.__dict__)
p.z = 3
print(sorted(p.__dict__))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(len({p, Point(1, 2), q}))
print(isinstance(p, Point), isinstance(p, object), type(p) is Point)
print(Point.dist2(p, q), Point.__init__.__name__)
m = p.moved
print(m(10, 10), m.__self__ is p, m.__func__ is Point.moved)
