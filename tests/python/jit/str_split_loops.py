# `a, b = s.split(sep)` and `int(s)` in loops: the new list and strs the split makes, the
# variables that keep them after the loop, and the errors (a wrong count, a bad int, a
# big int, an empty separator) raised where the interpreter raises them.


def parse(s):
    total = 0
    for field in s.split(","):
        num, tag = field.split(":")
        if tag == "b":
            total += int(num)
    return total, num, tag


data = ",".join("%d:%s" % (i, "abc"[i % 3]) for i in range(600))
print(parse(data))


def keep_parts(lines):
    firsts = []
    for line in lines:
        a, b, c = line.split(" ")
        firsts.append(a)
        last = c
    return firsts[:3], firsts[-1], last, b


print(keep_parts(["w%d x%d y%d" % (i, i * 2, i * 3) for i in range(400)]))


def bad_count(lines):
    n = 0
    try:
        for line in lines:
            k, v = line.split("=")
            n += int(v)
    except ValueError as e:
        print("ValueError:", e)
    return n


good = ["k%d=%d" % (i, i) for i in range(300)]
print(bad_count(good + ["a=b=c"] + good))
print(bad_count(good + ["x=12x"]))
print(bad_count(good + ["x= 42 "] + ["y=-7", "z=+3", "w=1_000"]))


def big_ints(lines):
    total = 0
    for line in lines:
        _, v = line.split(":")
        total += int(v)
    return total


print(big_ints(["a:%d" % (i * 10**12) for i in range(400)]))
print(big_ints(["a:%d" % i for i in range(300)] + ["b:%d" % 10**30] + ["c:1"] * 50))


def empty_sep(n):
    seps = [","] * n + [""]
    count = 0
    try:
        for sep in seps:
            a, b = "x,y".split(sep)
            count += 1
    except ValueError as e:
        print("ValueError:", e, count)


empty_sep(300)


def multi_char(n):
    out = 0
    for i in range(n):
        left, right = ("%d<->%d" % (i, i * i)).split("<->")
        out += int(left) + int(right)
    return out


print(multi_char(500))


def floats_and_strs(rows):
    names = []
    for r in rows:
        name, score = r.split(";")
        names.append(name)
    return names[-2:], score


print(floats_and_strs(["n%d;%f" % (i, i / 3) for i in range(300)]))
