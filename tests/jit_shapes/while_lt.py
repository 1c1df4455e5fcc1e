# `while i < n: i += 1`: a compare, a guard, an add with overflow check and the jump.
def count(n):
    i = 0
    while i < n:
        i += 1
    return i


print(count(1000))
