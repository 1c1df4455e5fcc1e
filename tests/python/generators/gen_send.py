def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
print(acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo closing with", received)
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
e.close()
g = accumulator()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)
def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 5]:
    print(a.send(v))
def coroutine_pipeline():
    def printer():
        while True:
            item = yield
            print("got", item)
    def upper(target):
        while True:
            item = yield
            target.send(item.upper())
    p = printer(); next(p)
    u = upper(p); next(u)
    for w in ["x", "yz"]:
        u.send(w)
coroutine_pipeline()
