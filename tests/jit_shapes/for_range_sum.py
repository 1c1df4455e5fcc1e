# `for i in range(n): s += i`: the range iterator lives in registers (remaining count and
# position), no allocation; the position stays an inline int (checked once, on entry), so
# only the sum has an overflow check.
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(1000))
