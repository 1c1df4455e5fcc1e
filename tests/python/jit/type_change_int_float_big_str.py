# A loop-carried local changes type mid-loop: int -> float -> int past 2**63 -> str.


def morph(n):
    v = 0
    log = []
    for i in range(n):
        if i < 300:
            v = v + 3
        elif i < 600:
            if i == 300:
                v = v + 0.5          # becomes a float
            v = v * 1.001 + 1
        elif i < 900:
            if i == 600:
                v = 2 ** 62          # int, outside the inline range
            v = v + v // 1000 + 1    # grows past 2**63 (bigint)
        else:
            if i == 900:
                v = "s" + str(v % 1000)
            v = v + "x"
        if i == 0 or i == 299 or i == 300 or i == 599 or i == 600 or i == 899 or i == 900 or i == n - 1:
            log.append((i, type(v).__name__, v if not isinstance(v, str) else (len(v), v[:8])))
    return log


for entry in morph(1000):
    print(*entry)


def morph_arith_only(n):
    # Only + and * in the loop body: the type changes come from the operands alone.
    x = 1
    out = []
    step = 1
    for i in range(n):
        x = x + step
        if i == 250:
            step = 0.25
        if i == 500:
            step = 2 ** 70
        if i == 750:
            step = 1
            x = 3
        if i == 250 or i == 251 or i == 500 or i == 501 or i == 750 or i == 751 or i == n - 1:
            out.append((i, x))
    return out


print(morph_arith_only(1000))


def float_then_int(n):
    acc = 0.0
    for i in range(n):
        if i == n // 2:
            acc = int(acc)      # float -> int
        acc = acc + i
    return acc, type(acc).__name__


print(float_then_int(1000), float_then_int(1), float_then_int(0))


def int_then_bool(n):
    x = 0
    for i in range(n):
        if i == 500:
            x = True
        x = x + 1
    return x


print(int_then_bool(1000))


def str_mid_loop(n):
    s = 0
    for i in range(n):
        if i == 700:
            s = str(s)
        s = s * 1 if isinstance(s, str) else s + i
    return s


print(str_mid_loop(1000))
