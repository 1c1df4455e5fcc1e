# fib's loop is compiled first (at its first back-edge); fib's own trace then makes the range
# and calls the loop's trace, and reads what its exit left.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


total = 0
for i in range(300):
    total = total + fib(i % 50)
print(total)
