# CPython finalizes an abandoned generator as soon as its last reference
# disappears (reference counting); this program checks that timing.
def g(name):
    print(name, "start")
    try:
        for i in range(3):
            print(name, "yield", i)
            yield i
    finally:
        print(name, "finally")
for x in g("A"):
    if x == 1:
        print("breaking")
        break
print("after loop A")
gen = g("B")
next(gen)
del gen
print("after del B")
def h():
    try:
        yield 1
    finally:
        print("h finally")
def consume():
    for v in h():
        return v
print(consume())
gen = g("C")
next(gen)
gen = None
print("after rebinding C")
