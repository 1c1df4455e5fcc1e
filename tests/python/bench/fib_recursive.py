def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
for n in (5, 10, 15, 20, 22):
    print(n, fib(n))
