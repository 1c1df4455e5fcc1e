class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def scale(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y
acc = Vec(0.0, 0.0)
step = Vec(0.5, -0.25)
for i in range(20000):
    acc = acc.add(step.scale(i % 10))
print(acc.x, acc.y, acc.dot(step))
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
c = Counter()
for _ in range(30000):
    c.inc()
print(c.n)
