# Bridges linked into loops that own references (variables holding new strs the loop made):
# the bridge path hands the new values on and gives up the old ones, as the exit would.


def parse2(s):
    hits = 0
    other = 0
    for field in s.split(","):
        num, tag = field.split(":")
        if tag == "b":
            hits += 1
        else:
            other += 2
    return hits, other, num, tag


data = ",".join("%d:%s" % (i, "abc"[i % 3]) for i in range(3000))
print(parse2(data))


def keep_some(s):
    # A branch that stores the owned value elsewhere: the list keeps it alive.
    kept = []
    n = 0
    for field in s.split(","):
        a, b = field.split(":")
        if b == "c":
            n += 1
        if n % 50 == 0 and b == "c":
            kept.append(a)
    return n, kept[:5], len(kept), a, b


print(keep_some(data))


def formats(n):
    # A new str in a variable every iteration, and a branch taken a third of the time.
    last = ""
    longer = 0
    for i in range(n):
        last = "v%d" % i
        if i % 3 == 0:
            longer += 1
    return last, longer


print(formats(3000))


def exits_in_bridge(s):
    # The bridge itself leaves the trace sometimes (an exception in it, caught outside).
    count = 0
    try:
        for field in s.split(","):
            x, y = field.split(":")
            if y == "b":
                count += 1
                if count == 700:
                    raise KeyError(x)
    except KeyError as e:
        print("KeyError", e, x, y)
    return count


print(exits_in_bridge(data))


SCALE = 3


def with_builtin_and_global(s):
    # The bridge reads a builtin (`int`) and a global the loop itself does not read.
    total = 0
    for field in s.split(","):
        num, tag = field.split(":")
        if tag == "b":
            total += int(num) * SCALE
    return total


print(with_builtin_and_global(data))
SCALE = 5
print(with_builtin_and_global(data))


def shadowed_builtin(s):
    # A global named like the builtin the bridge reads, made halfway: the trace is not
    # entered with it in place, and the global is the one called.
    global int
    total = 0
    k = 0
    for field in s.split(","):
        num, tag = field.split(":")
        k += 1
        if k == 1500:
            int = lambda x: 1000
        if tag == "b":
            total += int(num)
    del int
    return total


print(shadowed_builtin(data))
