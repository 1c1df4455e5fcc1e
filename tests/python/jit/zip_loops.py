# Loops over zip(...) of lists and tuples: unequal lengths, three sequences, strict=True,
# items that change type, a zip of something else, and an error raised mid-loop.

def dot(xs, ys):
    s = 0.0
    for x, y in zip(xs, ys):
        s += x * y
    return s


xs = [i * 0.5 for i in range(3000)]
ys = [1.0 - i * 0.25 for i in range(2500)]
print(dot(xs, ys), dot(ys, xs), dot(xs, []), dot(tuple(xs), ys))

a, b, c = list(range(2000)), tuple(range(0, 4000, 2)), [3] * 2001
t = 0
for p, q, r in zip(a, b, c):
    t += p * q - r
print(t)

try:
    for x, y in zip(a, a[:-1], strict=True):
        t += x - y
except ValueError as e:
    print("ValueError:", e, t)

# Items changing type: int, float, big int.
mixed = list(range(1000)) + [0.5] * 1000 + [2 ** 64] * 5
t = 0
for x, y in zip(mixed, mixed):
    t += x * y
print(t)

# The zip object used after a break: the item the loop took when it broke is gone.
z = zip(range(10000), list(range(10000)))
for i, j in z:
    if i > 4000:
        break
print(i, j, next(z))

# A zip of a range and a list (not traced: the range), and of strings.
t = 0
for i, x in zip(range(3000), xs):
    t += i * x
print(t)
s = ""
for ch, n in zip("abcdefghij" * 300, range(3000)):
    if n % 997 == 0:
        s += ch
print(s)

# Not unpacked.
pairs = []
for p in zip(a, b):
    if p[0] % 700 == 0:
        pairs.append(p)
print(pairs)

# Exception mid-loop with a traceback.
def ratio(xs, ys):
    out = 0
    for x, y in zip(xs, ys):
        out += x // y
    return out


print(ratio(list(range(3000)), [7] * 3000))
ratio([1] * 3000, [1] * 2000 + [0])
