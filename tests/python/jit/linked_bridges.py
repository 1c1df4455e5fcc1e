# Loops whose branches go both ways: the bridge of the other path is linked into the loop's
# trace in machine code. Exits from the linked path must leave the frame exactly as the
# interpreter would: values written on either path, types that change on one path, ints
# that overflow there, exceptions raised there, break, and variables bound only there.


def collatz(limit):
    best = besti = 0
    for i in range(1, limit):
        n = i
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > best:
            best, besti = steps, i
    return besti, best


def two_accumulators(n):
    evens = 0
    odds = 0.0
    for i in range(n):
        if i % 3:
            evens += i
        else:
            odds += i * 0.5
    return evens, odds


def overflow_on_branch(n):
    x = 1
    y = 0
    i = 0
    while i < n:
        if i % 2:
            x = x * 3
        else:
            y += 1
        i += 1
    return x % 1000003, y


def type_change_on_branch(n):
    acc = 0
    i = 0
    while i < n:
        if i % 4 == 1:
            acc = acc + 1
            if i > n - 10:
                acc = acc + 0.25
        else:
            acc = acc + 2
        i += 1
    return acc


def raise_on_branch(n):
    total = 0
    i = 0
    try:
        while i < n:
            if i % 5 == 0:
                total += 100 // (n - 775 - i)
            else:
                total -= 1
            i += 1
    except ZeroDivisionError:
        return "raised at", i, total
    return total


def break_on_branch(n):
    k = 0
    found = None
    while k < n:
        if k % 7 == 3:
            if k > 900:
                found = k
                break
            k += 2
        else:
            k += 1
    return k, found


def bound_on_branch(n, start):
    i = 0
    while i < n:
        if i >= start:
            t = i * 2
        else:
            i += 0
        i += 1
    try:
        return t
    except UnboundLocalError:
        return "unbound"


def nested_branches(n):
    a = b = c = 0
    for i in range(n):
        if i % 2:
            if i % 3:
                a += 1
            else:
                b += 2
        else:
            c += 3
    return a, b, c


def conditional_expression(n):
    s = 0
    for i in range(n):
        s += i if i & 1 else -i
        s += 1 if (i % 3 == 0 and i % 5 != 0) else 0
    return s


def loop_var_rebound(n):
    out = 0
    for i in range(n):
        if i % 2:
            i = i * 10
        out += i
    return out


def list_path(xs):
    pos = neg = 0
    for x in xs:
        if x > 0:
            pos += x
        else:
            neg += x
    return pos, neg


print(collatz(3000))
print(two_accumulators(5000))
print(overflow_on_branch(200))
print(type_change_on_branch(4000))
print(raise_on_branch(3000))
print(break_on_branch(5000))
print([bound_on_branch(1000, s) for s in (0, 500, 999, 1000)])
print(nested_branches(6000))
print(conditional_expression(5000))
print(loop_var_rebound(3000))
print(list_path([(-1) ** i * i for i in range(4000)]))
print(list_path([1.5, -2] * 1500))
