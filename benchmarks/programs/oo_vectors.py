# Object-oriented numeric loop: a small 2-D vector class whose methods build new instances
# (construction, attribute reads and writes, method calls on every iteration).
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm2(self):
        return self.x * self.x + self.y * self.y


def run(n):
    acc = Vec(0.0, 0.0)
    d = Vec(0.5, 0.25)
    total = 0.0
    for i in range(n):
        acc = acc.add(d).scale(0.999)
        total += acc.norm2()
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print("%.6f" % run(n))
