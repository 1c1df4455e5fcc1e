def noisy(n):
    for i in range(n):
        print("  producing", i)
        yield i
print("zip stops early:")
print(list(zip(noisy(5), "ab")))
print("any short-circuits:")
print(any(x == 1 for x in noisy(5)))
print("map is lazy:")
m = map(lambda v: v * 10, noisy(3))
print("map created")
print(next(m))
print("filter:")
f = filter(lambda v: v % 2, noisy(4))
print(list(f))
print("enumerate:")
for i, v in enumerate(noisy(2)):
    print(i, v)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(take_while(lambda v: v * v < 50, infinite())))
it = infinite()
print([next(it) for _ in range(3)], next(it))
