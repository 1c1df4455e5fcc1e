def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, abs, lambda v: v - 10)(3))
def partial(fn, *a, **k):
    def p(*a2, **k2):
        return fn(*a, *a2, **{**k, **k2})
    return p
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), [square(b) for b in range(5)])
def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: b + a, "hello", ""))
def memoize(fn):
    memo = {}
    def inner(*args):
        if args not in memo:
            memo[args] = fn(*args)
        return memo[args]
    return inner
@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16))
funcs = [abs, str, len, sorted, sum]
args = [-5, 3.5, "hello", [3, 1, 2], [1, 2, 3]]
print([f(a) for f, a in zip(funcs, args)])
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")), list(map(max, [1, 5], [4, 2])))
