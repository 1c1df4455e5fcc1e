# A branch that goes the other way once every N iterations (guard fails, interpreter takes
# the rare path, the trace is re-entered at the next back-edge).


def every_n(n, every):
    k = 0
    s = 0
    rare = 0
    for i in range(n):
        s += i
        k += 1
        if k == every:
            k = 0
            rare += s
            s = s - i
    return s, rare, k


print(every_n(5000, 1000))
print(every_n(5000, 1))
print(every_n(5000, 2))
print(every_n(5000, 7))
print(every_n(999, 1000))
print(every_n(1000, 1000))
print(every_n(0, 3))


def rare_float_branch(n):
    x = 0.0
    resets = 0
    i = 0
    while i < n:
        x = x + 0.37
        if x > 100.0:
            x = x - 100.0
            resets += 1
        i += 1
    return x, resets


print(rare_float_branch(10000))


def alternating(n):
    a = 0
    b = 0
    flip = 0
    for i in range(n):
        if flip == 0:
            a += i
            flip = 1
        else:
            b -= i
            flip = 0
    return a, b, flip


print(alternating(1001))


def rare_side_effect(n, every):
    log = []
    k = 0
    total = 0
    for i in range(n):
        total = total + i * 2
        k = k + 1
        if k >= every:
            log.append(total)
            k = 0
    return log


print(rare_side_effect(3000, 1000))
print(rare_side_effect(30, 7))


def branch_flips_once(n, at):
    # the branch is one way for a long time, then the other way for the rest
    s = 0
    for i in range(n):
        if i < at:
            s += 1
        else:
            s += 1000
    return s


print([branch_flips_once(3000, at) for at in (0, 1, 2, 1500, 2999, 3000, 5000)])


def threshold_branch(n):
    lo = 0
    hi = 0
    for i in range(n):
        v = i * 7919 - (i * 7919 // 1000) * 1000
        if v < 3:
            lo += 1
        else:
            hi += v
    return lo, hi


print(threshold_branch(5000))
