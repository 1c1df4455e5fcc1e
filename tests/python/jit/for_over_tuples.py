# Loops over tuples: floats, ints, mixed items, objects, enumerate of a tuple, a tuple
# rebound between runs of the loop, and an error raised mid-loop.

def total(t):
    s = 0
    for x in t:
        s += x
    return s


ints = tuple(range(3000))
floats = tuple(i * 0.25 for i in range(3000))
print(total(ints), total(floats), total(()), total((7,)))
mixed = tuple(range(1000)) + (0.5,) * 1000 + (2 ** 64,) * 3
print(total(mixed))

acc = 0.0
for i, x in enumerate(floats):
    acc += i * x
print(acc)

words = ("alpha", "beta", "gamma") * 800
n = 0
for w in words:
    if w == "beta":
        n += 1
print(n)

t = (1, 2, 3)
acc = 0
for rnd in range(2000):
    for x in t:
        acc += x * rnd
    if rnd == 1000:
        t = (4.5, 5.5)
print(acc)

nested = tuple((i, i * 2) for i in range(2000))
s = 0
for a, b in nested:
    s += a * b
print(s)

try:
    total(tuple(range(2000)) + ("x",))
except TypeError as e:
    print("TypeError:", e)
total((1.5,) * 2000 + (None,))
