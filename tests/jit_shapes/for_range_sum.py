# `for i in range(n): s += i`: the range iterator lives in registers (remaining count and
# position), no allocation, one overflow check for the position and one for the sum.
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(1000))
