# Function traces cache the globals and builtins they read, valid while the dict is not
# changed at all: every way of changing a global must be seen by the next read.

SCALE = 1
PAIR = [1, 2]


def walk(n):
    # Recursive (so it is a function trace); reads the globals SCALE and PAIR, and len.
    if n < 1:
        return 0
    return SCALE + walk(n - 1) + len(PAIR) - 2


def set_scale(v):
    global SCALE
    SCALE = v


def rebind_midway(n):
    if n == 5:
        set_scale(SCALE * 10)
    if n < 1:
        return 0
    return SCALE + rebind_midway(n - 1)


results = []
for i in range(60):
    if i == 20:
        SCALE = 2
    if i == 30:
        globals()["SCALE"] = 3
    if i == 40:
        globals().update(SCALE=4)
    if i == 45:
        set_scale(5)
    results.append(walk(10))
print(results)

# A global shadowing a builtin appears, then goes again.
for i in range(30):
    if i == 10:
        len = lambda s: 7
    if i == 15:
        PAIR = [1, 2, 3]
    if i == 20:
        del len
    results.append(walk(3))
print(results[60:])

SCALE = 1
print([rebind_midway(8) for _ in range(3)], SCALE)
SCALE = 1


def counter(n):
    if n < 1:
        return 0
    return count_calls() + counter(n - 1)


calls = 0


def count_calls():
    global calls
    calls += 1
    return calls


print([counter(6) for _ in range(30)][-3:], calls)

# A global deleted while a compiled function reads it: NameError, as CPython raises it.
del SCALE
try:
    walk(3)
except NameError as e:
    print("NameError:", e)
SCALE = 9
print(walk(4))
