# `a + b` of strs and `s * n` in loops: new strs kept in variables (replaced every
# iteration, sometimes twice), appended to lists, concatenated again; a type change mid-loop.


def build(n):
    out = ""
    for i in range(n):
        out = out + "abc"[i % 3]
    return len(out), out[:10], out[-5:]


print(build(2000))


def inplace(n):
    s = ""
    for i in range(n):
        s += "x"
        if i % 100 == 99:
            s += "|"
    return len(s), s[95:105]


print(inplace(1500))


def twice(n):
    acc = "start"
    for i in range(n):
        acc = acc + "-"
        acc = acc + str(i % 10) if False else acc + "y"
    return len(acc), acc[:12]


print(twice(600))


def repeats(n):
    parts = []
    for i in range(n):
        parts.append("ab" * (i % 5) + "!")
    return parts[:6], len("".join(parts))


print(repeats(500))


def chained(words):
    out = []
    for w in words:
        out.append(w + ":" + w)
    return out[:3], len(out)


print(chained(["w%d" % i for i in range(400)]))


def type_change(n):
    vals = ["a"] * (n // 2) + [1] * (n // 2)
    acc = []
    for v in vals:
        try:
            acc.append(v + v)
        except TypeError:
            acc.append(None)
    return acc[n // 2 - 2: n // 2 + 2]


print(type_change(600))


def negative_repeat(n):
    total = 0
    for i in range(n):
        total += len("xy" * (i % 7 - 3))
    return total


print(negative_repeat(700))
