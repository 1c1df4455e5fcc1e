# try/except/finally inside hot loops: the traces run the try body, exceptions leave them
# at a guard and the interpreter raises and handles them with the right block stack.


def div_sum(n):
    total = 0
    for i in range(n):
        try:
            total += 100 // (i % 7)
        except ZeroDivisionError:
            total -= 1
    return total


def with_else(n):
    ok = bad = 0
    for i in range(n):
        try:
            x = 10 / (i % 5)
        except ZeroDivisionError as e:
            bad += 1
            last = str(e)
        else:
            ok += x
    return ok, bad, last


def with_finally(n):
    count = 0
    fin = 0
    for i in range(n):
        try:
            if i % 11 == 3:
                continue
            if i == n - 5:
                break
            count += i
        finally:
            fin += 1
    return count, fin


def nested_try(n):
    a = b = c = 0
    for i in range(n):
        try:
            try:
                a += 1000 // (i % 13)
            except ZeroDivisionError:
                b += 1
                [][i]
        except IndexError:
            c += 1
    return a, b, c


def helper(x):
    if x % 97 == 0:
        raise ValueError("bad " + str(x))
    return x * 2


def inlined_raise(n):
    total = 0
    errors = []
    for i in range(n):
        try:
            total += helper(i)
        except ValueError as e:
            errors.append(str(e))
    return total, len(errors), errors[:3]


def try_around_loop(n):
    total = 0
    try:
        for i in range(n):
            try:
                total += 7 % (i % 4)
            except ZeroDivisionError:
                total += 1
        raise KeyError("end")
    except KeyError as e:
        return total, repr(e)


def return_from_try(items):
    for k, x in enumerate(items):
        try:
            if x < 0:
                return k
        except TypeError:
            pass
    return -1


def dict_counts(words):
    d = {}
    for w in words:
        try:
            d[w] += 1
        except KeyError:
            d[w] = 1
    return sorted(d.items())


def type_change(values):
    total = 0
    for v in values:
        try:
            total += v * 2
        except TypeError:
            total += 1000
    return total


def uncaught(n):
    s = 0
    for i in range(n):
        try:
            s += 10 // (i - 2500)
        except KeyError:
            s = -1
    return s


def reraise(n):
    seen = 0
    for i in range(n):
        try:
            try:
                if i == n - 1:
                    raise OSError("last")
                seen += 1
            except OSError:
                seen += 100
                raise
        except OSError as e:
            return seen, str(e)
    return seen, None


def safe_div(a, b):
    try:
        q = a // b
    except ZeroDivisionError:
        return None
    finally:
        log.append(b) if b < 0 else None
    return q


def caller(n):
    none = 0
    total = 0
    for i in range(n):
        q = safe_div(i * 3, i % 6 - 2)
        if q is None:
            none += 1
        else:
            total += q
    return total, none


log = []


def inner_loop_in_try(rows):
    total = 0
    for row in rows:
        try:
            for x in row:
                total += 60 // x
        except ZeroDivisionError:
            total -= 1
    return total


print(div_sum(5000))
print(with_else(5000))
print(with_finally(5000))
print(nested_try(5000))
print(inlined_raise(5000))
print(try_around_loop(5000))
print(return_from_try(list(range(3000)) + [-1]))
print(return_from_try(list(range(3000)) + ["x", -5]))
print(dict_counts([("w%d" % (i % 37)) for i in range(5000)])[:5])
print(type_change(list(range(3000)) + [1.5] * 10 + [None] * 5 + list(range(200))))
print(reraise(3000))
print(caller(6000), len(log))
rows = [[1, 2, 3, 4, 5, 6][: 1 + i % 6] for i in range(2000)]
rows[700] = [1, 0, 2]
rows[1500] = [0]
print(inner_loop_in_try(rows))

# Module level.
acc = 0
for i in range(4000):
    try:
        acc += 12 // (i % 9)
    except ZeroDivisionError:
        acc += 1
    finally:
        acc ^= 1
print(acc)

print(uncaught(5000))
