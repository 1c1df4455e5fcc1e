class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        self.a, self.b = 0, 1
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)))
print(sum(Fib(1000)), max(Fib(50)), 21 in Fib(100))
it = iter(Fib(5))
print(next(it), next(it), next(it), next(it), next(it), next(it), next(it, "end"))
class Cycle:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v
c = Cycle("abc")
print([next(c) for _ in range(7)])
for i, x in zip(range(4), Cycle([1, 2])):
    print(i, x)
class NotIter:
    def __iter__(self):
        return 5
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class Sentinel:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Sentinel(), 5)))
class Reverse:
    def __init__(self, data):
        self.data = data
    def __reversed__(self):
        return iter(self.data[::-1])
    def __iter__(self):
        return iter(self.data)
print(list(reversed(Reverse([1, 2, 3]))), list(Reverse("ab")))
a, b, c = Fib(1)
print(a, b, c)
print(*Fib(10))
