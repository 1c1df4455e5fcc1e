# Loops over list items whose types change mid-loop: float -> int -> bigint -> str -> None,
# nested lists, negative indices, and stores that replace objects.


def total(xs):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i]
    return s


def scale_into(dst, src, k):
    for i in range(len(src)):
        dst[i] = k * src[i]
    return dst


xs = [0.5 * i for i in range(1000)]
print(total(xs))
xs[700] = 3                 # an int among floats
print(total(xs))
xs[800] = 2 ** 70           # a bigint
print(total(xs))
xs[900] = "x"               # a str: TypeError from inside the hot loop
try:
    print(total(xs))
except TypeError as e:
    print("TypeError", e)

dst = [0.0] * 1000
src = [float(i) for i in range(1000)]
print(sum(scale_into(dst, src, 2.0)))
dst[10] = "old object"      # the store replaces an object: back to the interpreter there
print(sum(scale_into(dst, src, 3)), dst[10])
src[999] = None
try:
    scale_into(dst, src, 1.5)
except TypeError as e:
    print("TypeError", e, dst[998], dst[999])


def back(xs):
    s = 0
    i = -1
    while i >= -len(xs):
        s = s * 3 % 1000003 + xs[i]
        i -= 1
    return s


print(back(list(range(2000))))


def grid_sum(g):
    t = 0.0
    for i in range(len(g)):
        row = g[i]
        for j in range(len(row)):
            t += row[j] * (i + 1)
    return t


g = [[float(i * j) for j in range(50)] for i in range(40)]
print(grid_sum(g))
g[20][30] = 7
g[30] = [1, 2, 3]
print(grid_sum(g))
