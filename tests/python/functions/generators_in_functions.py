def produce(n):
    for i in range(n):
        yield i * i
def consume(gen_func, *args):
    return sum(gen_func(*args))
print(consume(produce, 10))
def gen_with_default(start=0, step=1, count=5):
    x = start
    for _ in range(count):
        yield x
        x += step
print(list(gen_with_default()), list(gen_with_default(10, -2)), list(gen_with_default(count=2, step=0.5)))
def closures_in_gen():
    for i in range(3):
        yield lambda i=i: i * 100
print([f() for f in closures_in_gen()])
def kw_gen(*, sep):
    yield from sep.join("abc")
print(list(kw_gen(sep="-")))
def gen_varargs(*its):
    for it in its:
        yield len(it)
print(list(gen_varargs("ab", [1, 2, 3], ())))
