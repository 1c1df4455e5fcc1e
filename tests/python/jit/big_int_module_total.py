# A module-level loop whose total grows past 64 bits while it adds results of a function
# that runs a loop of its own (the fib_iterative seed's shape), then subtracts and
# multiplies big ints.


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


total = 0
for i in range(3000):
    total += fib(i % 92)
print(total)
back = total
for i in range(3000):
    back -= fib(i % 92)
print(back)
prod = 1
for i in range(1, 400):
    prod = prod * 3 - i
print(prod % 1000000007, prod.bit_length())
