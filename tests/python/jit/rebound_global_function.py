# A global function called from a hot loop is rebound (by the loop itself, and between calls).


def step(x):
    return x + 1


def other_step(x):
    return x * 2 - x + 10


def run(n, rebind_at):
    global step
    s = 0
    log = []
    for i in range(n):
        s = step(s)
        if i == rebind_at:
            log.append(("rebind", i, s))
            step = other_step
    return s, log


print(run(1000, 500))
print(run(1000, -1))      # step is other_step from the start now


def original_step(x):
    return x + 1


step = original_step
print(run(10, 5))
step = lambda x: x - 3
print(run(1000, 10 ** 9))


def call_local_alias(n):
    f = step
    s = 0
    for i in range(n):
        s = f(s)
        if i == 100:
            f = original_step
    return s


print(call_local_alias(1000))


def counter_with_global_limit(n):
    # reads a global that changes while the loop runs
    global LIMIT
    c = 0
    for i in range(n):
        if i < LIMIT:
            c += 1
        if i == 300:
            LIMIT = 100
    return c


LIMIT = 10 ** 6
print(counter_with_global_limit(1000))
print(counter_with_global_limit(1000))


def rebind_builtin(n):
    global abs
    s = 0
    for i in range(-n, n):
        s = s + abs(i)
        if i == 0:
            abs = lambda v: 0
    del abs
    return s, abs(-5)


print(rebind_builtin(500))


def hot_loop_after_rebind(n):
    # a pure-local loop in a function whose global call target changed between calls
    s = 0
    for i in range(n):
        s = s + i * 2
    return helper(s)


def helper(v):
    return ("first", v)


print(hot_loop_after_rebind(1000))


def helper(v):
    return ("second", v)


print(hot_loop_after_rebind(1000))
helper = str
print(hot_loop_after_rebind(10))
