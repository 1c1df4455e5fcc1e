# Exceptions raised inside hot loops after many iterations, caught outside the loop; the
# interpreter state at the point of the raise must match.


def raise_at(n, at):
    s = 0
    i = 0
    try:
        for i in range(n):
            if i == at:
                raise ValueError("at %d, s=%d" % (i, s))
            s += i
    except ValueError as e:
        return "caught", str(e), i, s
    return "done", i, s


print(raise_at(5000, 4321))
print(raise_at(5000, 0))
print(raise_at(5000, 1))
print(raise_at(5000, 5000))


def float_raise(n):
    x = 1.0
    k = 0
    try:
        while k < n:
            x = x * 1.5
            k += 1
            if x > 1e100:
                raise OverflowError(k)
    except OverflowError as e:
        return e.args[0], x
    return k, x


print(float_raise(10000))


def unbound_in_loop(n):
    i = 0
    try:
        while i < n:
            i += 1
            if i == 777:
                total = total + 1
    except UnboundLocalError as e:
        return i, str(e)
    return i, None


print(unbound_in_loop(1000))


def index_error(n):
    data = [1, 2, 3]
    s = 0
    try:
        for i in range(n):
            s += i
            if i > 2000:
                s += data[i]
    except IndexError as e:
        return s, i, str(e)


print(index_error(5000))


def raise_in_callee(n):
    def check(v):
        if v > 3000:
            raise KeyError(v)
        return v

    s = 0
    try:
        for i in range(n):
            s = s + i
            if i == 3001:
                check(i)
    except KeyError as e:
        return s, repr(e)


print(raise_in_callee(5000))


def caught_inside_loop(n):
    errors = 0
    s = 0
    for i in range(n):
        try:
            if i == 100 or i == 900:
                raise RuntimeError
            s += i
        except RuntimeError:
            errors += 1
    return s, errors


print(caught_inside_loop(1000))


def finally_runs(n):
    log = []
    try:
        try:
            for i in range(n):
                if i == 999:
                    raise TypeError("late")
        finally:
            log.append(("finally", i))
    except TypeError as e:
        log.append(str(e))
    return log


print(finally_runs(2000))
