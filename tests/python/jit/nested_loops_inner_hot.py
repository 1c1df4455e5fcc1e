# Nested loops in one function: the inner loop is hot, the outer one is not traceable
# (it contains the inner loop).


def triangle(n):
    total = 0
    for a in range(n):
        b = 0
        while b < a:
            total += b
            b += 1
    return total


print([triangle(n) for n in (0, 1, 2, 3, 50, 150)])


def matrix_like(rows, cols):
    out = []
    for r in range(rows):
        s = 0
        for c in range(cols):
            s = s + r * c - c
        out.append(s)
    return out


print(matrix_like(10, 1000))
print(matrix_like(3, 0), matrix_like(3, 1), matrix_like(3, 2))


def inner_float(n):
    res = []
    r = 0
    while r < n:
        x = 0.0
        for k in range(1, 300):
            x = x + r / k
        res.append(x)
        r += 1
    return res


print(inner_float(5))


def inner_changes_type(n):
    # the inner loop sees an int accumulator for a while, then a float one
    out = []
    for r in range(n):
        acc = 0 if r < 3 else 0.5
        for k in range(500):
            acc = acc + k
        out.append(acc)
    return out


print(inner_changes_type(6))


def three_deep(n):
    total = 0
    for a in range(n):
        for b in range(n):
            c = 0
            while c < n:
                total = total + a - b + c
                c += 1
    return total


print(three_deep(20))


def inner_breaks(n):
    found = 0
    last = None
    for a in range(n):
        b = 0
        while 1:
            b += 1
            if b * b > a * 100:
                break
        found += b
        last = b
    return found, last


print(inner_breaks(300))


def outer_while_inner_for(n):
    i = n
    s = 0
    while i > 0:
        for j in range(i, 0, -2):
            s = s + j * i
        i -= 7
    return s, i


print(outer_while_inner_for(400))
