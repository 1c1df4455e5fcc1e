# `for i in range(n): s += i`: the range iterator lives in registers (remaining count and
# position), no allocation; the position's overflow check is made once, on entry, so only
# the sum has one; `i` is carried unboxed (exits box it).
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(1000))
