# A loop variable that holds a new instance every iteration: its attributes are carried
# as floats; the loop makes no instance and reads no attribute.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


def run(n):
    acc = Vec(0.0, 0.0)
    d = Vec(0.5, 0.25)
    for i in range(n):
        acc = acc.add(d).scale(0.5)
    return acc.x + acc.y


print(run(1000))
