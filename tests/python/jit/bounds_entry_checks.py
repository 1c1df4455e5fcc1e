# Bounds checks of counted loops move in front of the loop (entry checks on the range):
# these loops break the entry checks in every way and must behave as the interpreter does.

def shifted(a, lo, hi, k):
    # a[i + k] for i in [lo, hi): negative indices wrap, too-large ones raise.
    s = 0.0
    for i in range(lo, hi):
        s += a[i + k]
    return s


a = [float(x) for x in range(100)]
print(shifted(a, 0, 100, 0))
print(shifted(a, 1, 99, 1))
print(shifted(a, 1, 99, -1))
# i - 1 is -1 on the first iteration: a[-1] is the last item.
print(shifted(a, 0, 100, -1))
try:
    print(shifted(a, 0, 100, 1))
except IndexError as e:
    print("IndexError", e)
try:
    print(shifted(a, 50, 150, 0))
except IndexError as e:
    print("IndexError", e)
# Many entries of a short inner loop, some of which end out of range.
total = 0.0
for rep in range(300):
    try:
        total += shifted(a, rep % 7, 95 + rep % 9, 0)
    except IndexError:
        total -= 1.0
print(total)


def copy_back(dst, src, n):
    for i in range(n):
        dst[i] = src[i]
    return dst


b = [0.0] * 10
try:
    copy_back(b, a, 12)
except IndexError as e:
    print("IndexError", e, b[9])
print(copy_back([0.0] * 5, a, 5))


# A step other than 1, and a list that shrinks between entries of the same loop.
def strided(a, step):
    s = 0.0
    for i in range(0, len(a), step):
        s += a[i]
    return s


print(strided(a, 1), strided(a, 3), strided(a, 7))
c = list(a)
out = []
for rep in range(200):
    out.append(shifted(c, 0, len(c), 0))
    if rep % 50 == 49:
        del c[-10:]
print(out[0], out[-1], len(c))
