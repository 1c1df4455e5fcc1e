# ZeroDivisionError raised from inside a hot loop (int and float true division), caught.


def int_div(n, zero_at):
    acc = 0.0
    i = 0
    try:
        while i < n:
            acc = acc + 1000 / (i - zero_at)
            i += 1
    except ZeroDivisionError as e:
        return "zde", str(e), i, acc
    return "ok", i, acc


print(int_div(5000, 3000))
print(int_div(5000, 0))
print(int_div(5000, 1))
print(int_div(5000, -1))


def float_div(n, zero_at):
    acc = 0.0
    d = float(-zero_at)
    try:
        for i in range(n):
            acc = acc + 1.0 / d
            d = d + 1.0
    except ZeroDivisionError as e:
        return "zde", str(e), i, acc, d
    return "ok", acc, d


print(float_div(5000, 2500))
print(float_div(5000, 0))
print(float_div(5000, 10000))


def neg_zero_div(n):
    # dividing by -0.0 raises too
    d = -1.0
    acc = 0.0
    try:
        for i in range(n):
            acc = acc + 2.0 / d
            d = d + 0.25
            if i == 3:
                d = -0.0
    except ZeroDivisionError as e:
        return str(e), i, acc, d
    return acc


print(neg_zero_div(100))


def float_by_int_zero(n):
    x = 1.5
    k = 10
    s = 0.0
    try:
        for i in range(n):
            s = s + x / k
            k = k - 1
    except ZeroDivisionError as e:
        return str(e), i, s, k


print(float_by_int_zero(100))


def int_by_float_zero(n):
    k = 1000
    f = 3.0
    s = 0.0
    try:
        for i in range(n):
            s = s + k / f
            f = f - 0.5
    except ZeroDivisionError as e:
        return str(e), i, s, f


print(int_by_float_zero(100))


def retry_after_zde(n):
    total = 0.0
    errors = 0
    for rnd in range(3):
        try:
            for i in range(n):
                total = total + 1 / (i - 700 * (rnd + 1))
        except ZeroDivisionError:
            errors += 1
    return total, errors


print(retry_after_zde(2000))


def floordiv_mod_zero(n):
    out = []
    for which in range(2):
        try:
            s = 0
            for i in range(n):
                if which == 0:
                    s += 10 // (500 - i)
                else:
                    s += 10 % (500 - i)
        except ZeroDivisionError as e:
            out.append((which, str(e), i, s))
    return out


print(floordiv_mod_zero(1000))
