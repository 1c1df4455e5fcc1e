from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering
print(reduce(lambda a, b: a * b, range(1, 10)), reduce(lambda a, b: a + b, [], 0))
int2 = partial(int, base=2)
print(int2("1011"), int2.keywords, int2.func is int)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits > 0)
def deco(f):
    @wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def named():
    "doc"
print(named.__name__, named.__doc__)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: cmp(b, a))))
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
