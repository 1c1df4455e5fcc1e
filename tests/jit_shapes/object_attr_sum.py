# A loop that reads float attributes of one object: no allocation, no boxing; the class
# checks (type and version) and the two dict reads (nothing in the loop writes a dict) leave the loop.
class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def walk(v, n):
    s = 0.0
    for i in range(n):
        s += v.x * i + v.y
    return s


print(walk(Vec2(0.5, 0.25), 1000))
