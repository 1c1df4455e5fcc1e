# Loops entered many times whose first iteration changes a variable's type (an int
# accumulator that becomes a float): the entry bridge and the loop trace after it run as one
# trace. Exits from every part of it must leave the frame exactly as the interpreter would.
import math

SCALE = 0.5
table = {f"k{i}": (i * 1.5, i % 3) for i in range(8)}


def accumulate(xs):
    acc = 0
    for x in xs:
        acc += x * SCALE
    return acc


data = [float(i) for i in range(12)]
total = 0.0
for rep in range(3000):
    total += accumulate(data)
print("accumulate", total)


def over_items(d, bias):
    err = 0
    best = None
    for k, v in d.items():
        err += math.pow(v[0] - bias, 2)
        if v[1] == 2 and bias > 400:
            best = k
    return err, best


acc = 0.0
last = None
for rep in range(3000):
    e, b = over_items(table, rep * 0.3)
    acc += e
    if b is not None:
        last = (rep, b)
print("items", round(acc, 6), last)


def early_exit(xs, stop):
    # Leaves the loop part at a break, after the bridge changed the type.
    s = 0
    n = 0
    for x in xs:
        s += x
        n += 1
        if s > stop:
            break
    return s, n


outs = []
for rep in range(2500):
    outs.append(early_exit(data, rep % 70))
print("early", outs[:3], outs[-3:], sum(n for _, n in outs))


def type_flip(xs, k):
    # Later entries break the fused trace's assumptions: an int list, a str.
    acc = 0
    for x in xs:
        acc = acc + x
    return acc


ints = list(range(10))
res = []
for rep in range(2000):
    if rep % 500 == 499:
        res.append(type_flip(ints, rep))
    elif rep == 1777:
        res.append(type_flip(["a", "b"], rep) if False else type_flip([1.5, 2], rep))
    else:
        res.append(type_flip(data, rep))
print("flip", res[:2], res[499], res[1777], res[-1], sum(r for r in res if isinstance(r, int)))


def raises_inside(xs, bad):
    acc = 0
    for x in xs:
        acc += 1.0 / (x - bad)
    return acc


errors = 0
vals = 0.0
for rep in range(2500):
    try:
        vals += raises_inside(data, 5.0 if rep % 600 == 599 else -1.0)
    except ZeroDivisionError:
        errors += 1
print("raises", round(vals, 6), errors)

counter = 0


def reads_global(xs):
    acc = 0
    for x in xs:
        acc += x * SCALE + counter
    return acc


g = 0.0
for rep in range(2500):
    counter = rep // 1000
    g += reads_global(data)
print("global", g)


def module_level():
    pass


grand = 0.0
for rep in range(2000):
    part = 0
    for x in data:
        part += x
    grand += part
print("module", grand, part)


def nested_lists(rows):
    out = []
    for row in rows:
        s = 0
        for v in row:
            s += v
        out.append(s)
    return out


rows = [[i * 0.25 + j for j in range(6)] for i in range(40)]
tot = 0.0
for rep in range(400):
    tot += sum(nested_lists(rows))
print("nested", tot)


def unbound_after(xs):
    # A variable the loop binds only in its first iteration's path.
    acc = 0
    for x in xs:
        acc += x
        if x > 100:
            marker = x
    try:
        return acc, marker
    except UnboundLocalError:
        return acc, None


print("unbound", [unbound_after(data) for _ in range(300)][-1])
