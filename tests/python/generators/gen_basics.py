def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_up(5)), sum(count_up(101)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())))
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(take(6, evens(fib()))))
def with_return():
    yield 1
    return "done"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
g = count_up(2)
print(iter(g) is g, list(g), list(g))
print(next(count_up(0), "default"))
def lines():
    yield "a"
    yield "b"
print("-".join(lines()), *lines())
