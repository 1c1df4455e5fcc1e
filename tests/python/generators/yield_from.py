def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield 3
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration:
    print("done")
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[[7]]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))
def sub():
    try:
        yield 1
        yield 2
    except ValueError:
        print("sub handled ValueError")
        yield "recovered"
    finally:
        print("sub finally")
def delegator():
    yield from sub()
    yield "after"
d = delegator()
print(next(d))
print(d.throw(ValueError))
print(next(d))
d2 = delegator()
next(d2)
d2.close()
print("d2 closed")
def gen_returns():
    yield from ()
    return 42
def wrap():
    v = yield from gen_returns()
    yield v
print(list(wrap()))
def tree(n):
    if n == 0:
        return 0
    left = yield from tree(n - 1)
    yield n
    return left + n
t = tree(4)
vals = []
try:
    while True:
        vals.append(next(t))
except StopIteration as e:
    print(vals, e.value)
