# A loop variable the loop writes before it reads it is carried unboxed; an exit in the
# loop's first iteration, before the write, must leave the variable as it was (unbound, or
# its value from before the loop), and later exits hand back the previous iteration's value.


def last_of_range(n):
    j = "before"
    for j in range(n):
        pass
    return j


def unbound_after_empty(n):
    for j in range(n):
        pass
    try:
        return j
    except UnboundLocalError:
        return "unbound"


def last_float(xs):
    x = "none"
    for x in xs:
        pass
    return x


def break_at(n, stop):
    k = -1
    for k in range(n):
        if k == stop:
            break
    return k


def type_change(xs):
    # The variable's type changes mid-loop: the trace exits after the write.
    v = None
    total = 0
    for v in xs:
        total += v
    return v, total


def nested(n):
    out = []
    for i in range(n):
        for j in range(i):
            pass
        out.append(j if i else "no j yet")
    return out


def redefined_each_iteration(n):
    acc = 0
    for i in range(n):
        t = i * 2
        acc += t
    return acc, t if n else "no t"


for _ in range(3):
    print([last_of_range(k) for k in [0, 1, 2, 0, 5, 0, 3]])
    print([unbound_after_empty(k) for k in [0, 4, 0, 1]])
    print([last_float(xs) for xs in [[], [1.5], [2.5, 3.5], [], [0.25] * 10]])
    print([break_at(10, s) for s in [0, 3, 20, 9]], break_at(0, 0))
    print(type_change([1, 2, 3.5, 4]), type_change([1.5, 2.5, 3]), type_change([]))
    print(nested(6))
    print(redefined_each_iteration(0), redefined_each_iteration(7))
