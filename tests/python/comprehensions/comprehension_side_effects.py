log = []
def f(x):
    log.append(x)
    return x
r = [f(x) for x in range(3) if f(x * 10) >= 0]
print(r, log)
log.clear()
g = (f(x) for x in range(3))
print(log)
print(next(g), log)
print(list(g), log)
log.clear()
r = {f(k): f(k * 100) for k in range(2)}
print(r, log)
def gen():
    for i in range(3):
        print("yield", i)
        yield i
print([x * 2 for x in gen()])
print(sum(x for x in gen() if x))
it = iter(range(10))
pairs = [(a, next(it)) for a in it]
print(pairs)
