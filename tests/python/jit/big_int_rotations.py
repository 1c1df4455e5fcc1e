# `a, b = b, a + b` with big ints: the variable that takes the other's old value owns it;
# exits between and after the two stores, three-way rotations, a swap, an exception.


def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


print(fib(1000) % 1000003, len(str(fib(2000))))
print(sum(fib(k) % 97 for k in range(300)))


def fib_exits(n):
    a, b = 10**20, 10**20 + 1
    for i in range(n):
        a, b = b, a + b
        if i % 97 == 0:
            print(i, len(str(a)), b % 1000)
    return a % 10**9


print(fib_exits(600))


def tribonacci(n):
    a, b, c = 10**19, 10**19, 10**19
    for i in range(n):
        a, b, c = b, c, a + b + c
    return c % 1000000007


print(tribonacci(800))


def swap_and_grow(n):
    x, y = 3**50, 5**40
    for i in range(n):
        x, y = y, x
        if i % 2:
            y = y * 3
    return x % 10007, y % 10007


print(swap_and_grow(500))


def raises(n):
    a, b = 2**70, 2**71
    try:
        for i in range(n):
            a, b = b, a + b
            if i == n - 10:
                raise ValueError(len(str(b)))
    except ValueError as e:
        print("ValueError", e, a % 1000, b % 1000)


raises(400)


def keep_both(n):
    # The old value is also kept in a list: the list holds its own reference.
    a, b = 2**64, 2**65
    kept = []
    for i in range(n):
        if i % 50 == 0:
            kept.append(a)
        a, b = b, a + b
    return [k % 1009 for k in kept], a % 1009


print(keep_both(400))
