# Loops over dict items with tuple values, tuple indexing and unpacking, dict lookups by
# str keys and a variable shared with a nested function: the values the JIT reads change
# type, keys go missing, dicts change size mid-loop, tuples have the wrong length.
import math


def weighted(stations, weights, scale):
    total = 0.0
    for name, pos in stations.items():
        d = math.sqrt(pos[0] * pos[0] + pos[1] * pos[1])
        total += weights[name] * d * scale
    return total


stations = {f"S{k}": (1.5 * k, 2.0 - k, k % 3) for k in range(12)}
weights = {f"S{k}": 0.25 * k for k in range(12)}
acc = 0.0
for rep in range(300):
    acc += weighted(stations, weights, 1.0 + rep % 7)
print(f"{acc:.6f}")

# A value turns into an int, then a str: the type guards leave the trace.
weights["S5"] = 3
print(f"{weighted(stations, weights, 2.0):.6f}")
weights["S5"] = "heavy"
try:
    weighted(stations, weights, 2.0)
except TypeError as e:
    print("TypeError:", e)
weights["S5"] = 1.25

# A missing key raises KeyError from inside the loop.
del weights["S7"]
try:
    weighted(stations, weights, 1.0)
except KeyError as e:
    print("KeyError:", e)
weights["S7"] = 0.5


# Negative indices, unpacking and a tuple that is too short.
def unpack_sum(pairs):
    s = 0
    for key, pair in pairs.items():
        a, b = pair
        s += a * 10 + b + pair[-1]
    return s


pairs = {f"p{i}": (i, i * 2) for i in range(20)}
tot = 0
for rep in range(200):
    tot += unpack_sum(pairs)
print(tot)
pairs["p3"] = (1, 2, 3)
try:
    unpack_sum(pairs)
except ValueError as e:
    print("ValueError:", e)
pairs["p3"] = [4, 5]
print(unpack_sum(pairs))
pairs["p3"] = (1.5, 2.5)
print(unpack_sum(pairs))


# A dict that grows while it is iterated.
def grow(d):
    n = 0
    for k, v in d.items():
        n += v
        if n > 1000:
            d["extra"] = 1
    return n


for rep in range(50):
    grow({f"k{i}": i for i in range(30)})
try:
    grow({f"k{i}": i * 10 for i in range(30)})
except RuntimeError as e:
    print("RuntimeError:", e)


# A variable read through a cell (a nested function uses it).
def with_cell(items):
    factor = 3
    helper = lambda x: x * factor
    s = 0
    for k, v in items.items():
        s += v * factor
    return s + helper(1)


items = {str(i): i for i in range(40)}
r = 0
for rep in range(100):
    r += with_cell(items)
print(r)


# Tuple indexing out of range exits to the interpreter, which raises.
def pick(rows, i):
    s = 0.0
    for name, row in rows.items():
        s += row[i]
    return s


rows = {f"r{k}": (k * 0.5, k * 1.5, k * 2.5) for k in range(25)}
t = 0.0
for rep in range(100):
    t += pick(rows, rep % 3) + pick(rows, -1)
print(t)
rows["r9"] = (1.0,)
try:
    pick(rows, 2)
except IndexError as e:
    print("IndexError:", e)
