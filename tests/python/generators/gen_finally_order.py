def g(name):
    print(name, "start")
    try:
        for i in range(3):
            print(name, "yield", i)
            yield i
    finally:
        print(name, "finally")
gen = g("A")
for x in gen:
    if x == 1:
        print("breaking")
        break
print("after loop A, closing explicitly")
gen.close()
print("after close A")
gen = g("B")
next(gen)
gen.close()
print("after close B")
def nested():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
n = nested()
print(next(n))
n.close()
res = list(g("C"))
print(res)
def with_return_in_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs on exhaustion")
print(list(with_return_in_finally()))
