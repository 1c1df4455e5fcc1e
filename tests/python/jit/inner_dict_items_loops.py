# Outer loops whose body runs an inner `for k, v in d.items()` loop: the outer trace calls the
# inner loop's trace. The dicts change between (and during) outer iterations.
import math

weights = {f"w{i}": (i * 0.5, i % 4) for i in range(9)}


def score(d, shift):
    total = 0
    for k, v in d.items():
        total += math.sqrt(v[0] + shift) * v[1]
    return total


acc = 0.0
for rep in range(3000):
    acc += score(weights, rep % 11)
print("score", round(acc, 6))


def outer(d, reps):
    best = math.inf
    where = None
    for r in range(reps):
        err = 0
        for k, v in d.items():
            err += (v[0] - r * 0.01) ** 2
        if err < best:
            best = err
            where = r
    return round(best, 6), where


print("outer", outer(weights, 4000))


def growing(reps):
    d = {}
    sums = []
    for r in range(reps):
        d[r % 37] = r * 1.5
        s = 0.0
        for k, v in d.items():
            s += v
        sums.append(s)
    return len(d), sums[5], sums[100], sums[-1]


print("growing", growing(2500))


def deleting(reps):
    d = {i: float(i) for i in range(20)}
    out = []
    for r in range(reps):
        if r % 300 == 299 and d:
            del d[min(d)]
        s = 0.0
        for k, v in d.items():
            s += v * k
        out.append(s)
    return len(d), out[0], out[-1], sum(out)


print("deleting", deleting(3000))


def empty_sometimes(reps):
    full = {"a": 1.0, "b": 2.5}
    empty = {}
    t = 0.0
    for r in range(reps):
        d = empty if r % 7 == 0 else full
        part = 0
        for k, v in d.items():
            part += v
        t += part
    return t


print("empty", empty_sometimes(3000))


def breaks(reps):
    d = {i: i * 3 for i in range(15)}
    hits = 0
    for r in range(reps):
        for k, v in d.items():
            if v > r % 40:
                hits += k
                break
    return hits


print("breaks", breaks(3000))


def raises(reps):
    d = {"x": 2.0, "y": 0.0, "z": 4.0}
    ok = 0
    bad = 0
    for r in range(reps):
        try:
            s = 0
            for k, v in d.items():
                s += 1.0 / (v - (r % 500 == 499) * 4.0) if k == "z" else v
            ok += 1
        except ZeroDivisionError:
            bad += 1
    return ok, bad


print("raises", raises(3000))


def mutates_values(reps):
    # The inner loop changes the dict's values (an effect): the outer loop still works.
    d = {"p": 1, "q": 2}
    for r in range(reps):
        for k, v in d.items():
            d[k] = v + 1
    return d


print("mutates", mutates_values(2000))


def mixed_types(reps):
    d = {1: 1, "two": 2.0, 3.0: 3, None: 4}
    t = 0
    for r in range(reps):
        for k, v in d.items():
            t += v
        if r == reps // 2:
            d["late"] = 10
    return t


print("mixed", mixed_types(2500))


def rebinds_dict(reps):
    a = {"x": 1.0, "y": 2.0}
    b = {"x": 3.0}
    t = 0.0
    d = a
    for r in range(reps):
        if r == 1500:
            d = b
        for k, v in d.items():
            t += v
    return t


print("rebinds", rebinds_dict(3000))
