# Locals unbound before the loop and bound inside it (possibly only on some iterations).


def bind_every_iteration(n):
    i = 0
    while i < n:
        t = i * 3
        i += 1
    try:
        return t
    except UnboundLocalError as e:
        return "unbound: " + str(e)


print([bind_every_iteration(n) for n in (0, 1, 2, 1000)])


def cond_bind(n, start):
    i = 0
    while i < n:
        if i >= start:
            t = i * 3
        i += 1
    try:
        return t
    except UnboundLocalError:
        return "unbound"


# first call binds t on every iteration; later calls reach the compiled loop with t unbound
print(cond_bind(1000, 0))
print(cond_bind(1000, 500))
print(cond_bind(1000, 999))
print(cond_bind(1000, 1000))
print(cond_bind(0, 0))
print(cond_bind(1000, 3))


def cond_bind_float(n, start):
    t = None
    del t
    for i in range(n):
        if i >= start:
            t = i * 0.5
    try:
        return t
    except UnboundLocalError:
        return "unbound"


print([cond_bind_float(1000, s) for s in (0, 1, 2, 600, 999, 1000)])


def late_bound_read(n):
    s = 0
    for i in range(n):
        if i == 600:
            late = 5
        if i > 600:
            s = s + late
        else:
            s = s + 1
    return s


print(late_bound_read(1000), late_bound_read(600), late_bound_read(601), late_bound_read(602))


def loop_var_unbound_after_empty(n):
    for i in range(n):
        pass
    try:
        return i
    except UnboundLocalError as e:
        return str(e)


print(loop_var_unbound_after_empty(0), loop_var_unbound_after_empty(1), loop_var_unbound_after_empty(1000))


def del_inside_loop(n):
    s = 0
    for i in range(n):
        x = i
        s += x
        if i == 500:
            del x
    try:
        return s, x
    except UnboundLocalError:
        return s, "x unbound"


print(del_inside_loop(1000), del_inside_loop(501), del_inside_loop(502))


def swap_binding(n):
    a = 1
    for i in range(n):
        if i == 400:
            b = a
            del a
        elif i == 800:
            a = b + 1
            del b
        elif i < 400 or i > 800:
            a = a + 2
        else:
            b = b + 3
    return sorted(locals().items())


print(swap_binding(1000))


def with_cells(n):
    # a function with cell variables (captured by a closure) and a hot loop on plain locals
    captured = 0
    s = 0

    def peek():
        return captured

    for i in range(n):
        s = s + i
    captured = s
    t = 0.0
    i = 0
    while i < n:
        t = t + 0.5
        i += 1
    return s, t, peek()


print(with_cells(1000), with_cells(0))


def nonlocal_in_loop(n):
    count = 0

    def bump():
        nonlocal count
        count += 1

    k = 0
    for i in range(n):
        k = k + 1
        if k == 100:
            k = 0
            bump()
    return count, k


print(nonlocal_in_loop(1000))
