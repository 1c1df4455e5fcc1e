class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(4)
print(list(c), list(c))
class Range2:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1
r = Range2(3)
print(list(r), list(r))
for a, b in zip(Countdown(3), Range2(5)):
    print(a, b)
class Tree:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __iter__(self):
        yield self.val
        for ch in self.children:
            yield from ch
    def depth_first(self, depth=0):
        yield depth, self.val
        for ch in self.children:
            yield from ch.depth_first(depth + 1)
t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6)])])
print(list(t), sum(t), max(t))
for d, v in t.depth_first():
    print("  " * d + str(v))
print(7 in t, 5 in t)
