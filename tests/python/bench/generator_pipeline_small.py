def gen(n):
    for i in range(n):
        yield i
def sq(it):
    for x in it:
        yield x * x
def odd(it):
    for x in it:
        if x & 1:
            yield x
print(sum(odd(sq(gen(20000)))))
print(sum(x for x in range(30000) if x % 7 == 3))
print(max(len(str(i)) for i in range(10000)))
