# fib's loop is compiled first (at its first back-edge); fib's own trace then makes the range
# and calls the loop's trace, and reads what its exit left. (`n` is never 0: the function trace
# is recorded with a non-empty range, whichever call records it.)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


total = 0
for i in range(300):
    total = total + fib(i % 50 + 1)
print(total)
