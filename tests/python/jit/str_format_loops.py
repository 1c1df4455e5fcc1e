# `fmt % args` in loops: the new strs go into lists and variables; formats of ints,
# floats and strs, one value or a tuple; a format that raises mid-loop; values that stop
# being ints, floats or strs.


def records(n):
    parts = []
    for i in range(n):
        parts.append("%d:%s" % (i, "abc"[i % 3]))
    return ",".join(parts)


r = records(300)
print(len(r), r[:60], r[-30:])


def many_specs(n):
    out = []
    for i in range(n):
        x = i * 0.37
        out.append("%5d|%-4s|%.3f|%x|%r|%e" % (i, "ab"[i % 2], x, i, "qr"[i % 2], x))
    return out


m = many_specs(250)
print(m[0], m[7], m[249])


def single(n):
    out = []
    for i in range(n):
        out.append("<%s>" % i)
        out.append("%.2f" % (i / 7))
    return out[:6], out[-2:]


print(single(300))


def in_variable(n):
    # The new str goes into a variable first, then into the list; the variable keeps the
    # last one.
    out = []
    s = ""
    for i in range(n):
        s = "item-%03d" % i
        out.append(s)
    return s, len(out), out[5]


print(in_variable(300))


def raises(n):
    vals = list(range(n))
    vals[n // 2] = "oops"
    out = []
    try:
        for v in vals:
            out.append("%d" % v)
    except TypeError as e:
        print("TypeError:", e)
    return len(out), out[-1]


print(raises(400))


def other_types(n):
    # A value of another type in the tuple: the trace leaves, the interpreter formats it.
    vals = [1, 2.5, "s", None, (1, 2), [3]] * (n // 6)
    out = []
    for v in vals:
        out.append("%s" % (v,))
    return out[:8]


print(other_types(300))


def formats_change(n):
    fmts = ["%d", "%s!", "[%x]"] * (n // 3)
    out = []
    for i, f in enumerate(fmts):
        out.append(f % i)
    return out[:6], out[-1]


print(formats_change(300))
