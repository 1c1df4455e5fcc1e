# break and continue inside hot loops.


def first_above(limit):
    i = 0
    s = 0
    while True:
        s += i
        if s > limit:
            break
        i += 1
    return i, s


print([first_above(x) for x in (-1, 0, 1, 10, 1000, 10 ** 6)])


def first_above_1(limit):
    i = 0
    s = 0
    while 1:
        s += i
        if s > limit:
            break
        i += 1
    return i, s


print([first_above_1(x) for x in (-1, 0, 1, 10, 1000, 10 ** 6)])


def skip_some(n):
    s = 0
    skipped = 0
    for i in range(n):
        if i > 100 and i < 200:
            skipped += 1
            continue
        if i == 500:
            continue
        s += i
    return s, skipped


print(skip_some(1000), skip_some(150), skip_some(0))


def break_in_for(n, stop):
    last = -1
    acc = 0.0
    for i in range(n):
        if i == stop:
            break
        acc += i * 0.5
        last = i
    return last, acc, i if n > 0 else None


print(break_in_for(1000, 999), break_in_for(1000, 1), break_in_for(1000, 0), break_in_for(1000, 5000))


def continue_while(n):
    i = 0
    odd = 0
    even = 0
    while i < n:
        i += 1
        h = i // 2
        if h + h == i:
            even += i
            continue
        odd += i
    return odd, even


print(continue_while(1000))


def nested_break(n):
    found = []
    for a in range(1, n):
        for b in range(a, n):
            if a * a + b * b == 625:
                found.append((a, b))
                break
            if b > 3 * a:
                break
    return found


print(nested_break(40))


def for_else(n, target):
    for i in range(n):
        if i * i == target:
            break
    else:
        return "not found"
    return i


print([for_else(1000, t) for t in (0, 1, 4, 998001, 5, 10 ** 8)])


def while_break_continue_mix(n):
    i = 0
    s = 0
    c = 0
    while i < n:
        i += 1
        if i == 3:
            continue
        if i > 900:
            break
        if c == 10:
            c = 0
            continue
        c += 1
        s = s + i
    return i, s, c


print(while_break_continue_mix(1000), while_break_continue_mix(5))


def mostly_continue(n):
    # the recorded iteration takes the `continue`; the fall-through path is the rare one
    s = 0
    rare = 0
    k = 0
    for i in range(n):
        k = k + 1
        if k != 100:
            s = s + 1
            continue
        k = 0
        rare = rare + i
    return s, rare, k


print(mostly_continue(1000), mostly_continue(99), mostly_continue(100))


def while_mostly_continue(n):
    i = 0
    s = 0.0
    hits = 0
    while i < n:
        i = i + 1
        if i % 250 != 0:
            s = s + 0.5
            continue
        hits = hits + 1
    return i, s, hits


print(while_mostly_continue(1000))
