# What compiled loops cache between entries: the values of globals and builtins, module
# attributes (`math.sqrt`), and which trace an entry starts in (the entry bridge of a loop whose
# accumulator starts as an int and becomes a float). Each cache must notice the change.
# Also dict-items loops over dicts with holes (deleted entries) and dicts changed mid-loop.
import math

SCALE = 2.0


def weigh(stations):
    acc = 0
    for name, pos in stations.items():
        acc += math.sqrt(pos[0] * pos[0] + pos[1] * pos[1]) * SCALE
    return acc


stations = {f"S{k}": (1.0 * k, 3.0 - k) for k in range(8)}
total = 0.0
for rep in range(400):
    total += weigh(stations)
print(f"{total:.6f}")

# A global rebound between entries, then a builtin shadowed and unshadowed.
SCALE = 0.5
print(f"{weigh(stations):.6f}")
SCALE = 3
print(f"{weigh(stations):.6f}")
SCALE = "x"
try:
    weigh(stations)
except TypeError as e:
    print("TypeError:", e)
SCALE = 1.0

# The module attribute replaced, then restored.
real_sqrt = math.sqrt
math.sqrt = lambda x: -1.0
print(f"{weigh(stations):.6f}")
math.sqrt = abs
print(f"{weigh(stations):.6f}")
math.sqrt = real_sqrt
print(f"{weigh(stations):.6f}")
del math.sqrt
try:
    weigh(stations)
except AttributeError as e:
    print("AttributeError:", e)
math.sqrt = real_sqrt


# Entries alternate between an int and a float accumulator, so the entry bridge and the
# root trace both take entries.
def accumulate(d, start):
    acc = start
    for k, v in d.items():
        acc += v * 0.5
    return acc


d = {i: float(i) for i in range(10)}
out = []
for rep in range(300):
    out.append(accumulate(d, 0 if rep % 3 else 0.0))
print(sum(out), out[:4])
out = [accumulate(d, 1 << 70) for _ in range(50)]
print(out[0], type(out[0]).__name__)
try:
    accumulate(d, "s")
except TypeError as e:
    print("TypeError:", e)


# Dicts with holes: every other key deleted before the loop, or mid-loop.
def keysum(d):
    s = 0
    for k, v in d.items():
        s += k * v
    return s


for size in (1, 2, 7, 40):
    d = {i: i + 1 for i in range(size)}
    for i in range(0, size, 2):
        del d[i]
    print(size, sum(keysum(d) for _ in range(60)))
d = {i: 1 for i in range(50)}
for i in range(49):
    del d[i]
print(sum(keysum(d) for _ in range(60)))


def delete_mid(d, at):
    s = 0
    for k, v in d.items():
        s += v
        if k == at:
            del d[k]
    return s


for rep in range(60):
    delete_mid({i: i for i in range(20)}, -1)
try:
    delete_mid({i: i for i in range(20)}, 5)
except RuntimeError as e:
    print("RuntimeError:", e)


def swap_key(d, at):
    s = 0
    for k, v in d.items():
        s += v
        if k == at:
            del d[k]
            d[k + 1000] = v
    return s


try:
    swap_key({i: i for i in range(20)}, 7)
except RuntimeError as e:
    print("RuntimeError:", e)
