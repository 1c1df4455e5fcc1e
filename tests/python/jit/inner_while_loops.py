# `while` loops inside loops: the outer loop's trace calls the inner loop's compiled trace.
# Exits that end the inner loop another way (a break, the other branch) resume before it.


def collatz_max(limit):
    best = 0
    besti = 0
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
            best = steps
            besti = i
    return besti, best


print(collatz_max(3000))


def digit_sums(limit):
    total = 0
    for i in range(limit):
        n = i
        s = 0
        while n:
            s += n % 10
            n //= 10
        total += s
    return total


print(digit_sums(5000))


def with_break(limit):
    found = []
    for i in range(2, limit):
        d = 2
        prime = True
        while d * d <= i:
            if i % d == 0:
                prime = False
                break
            d += 1
        if prime:
            found.append(i)
    return len(found), found[-3:]


print(with_break(3000))


def gcd_table(n):
    acc = 0
    for a in range(1, n):
        x, y = a, n
        while y:
            x, y = y, x % y
        acc += x
    return acc


print(gcd_table(2000))


def float_inner(n):
    out = 0.0
    for i in range(n):
        x = i + 0.5
        k = 0
        while x > 1.0:
            x = x / 3.0
            k += 1
        out += x * k
    return round(out, 6)


print(float_inner(3000))


def nested_whiles(n):
    count = 0
    i = 0
    while i < n:
        j = 0
        while j < i % 7:
            count += j
            j += 1
        i += 1
    return count


print(nested_whiles(3000))


def changes_type(n):
    # The inner loop's variable turns into a float, then a big int, mid-run.
    res = []
    for i in range(n):
        v = i if i < n // 2 else (i * 1.5 if i < 3 * n // 4 else i * 10**20)
        c = 0
        while v > 10:
            v = v // 3
            c += 1
        res.append(c)
    return sum(res), res[-1]


print(changes_type(800))


def raises_inside(n):
    got = 0
    for i in range(n):
        k = 5
        try:
            while k > 0:
                if i == n - 3 and k == 2:
                    raise ValueError("at %d" % i)
                k -= 1
                got += 1
        except ValueError as e:
            print("caught", e)
    return got


print(raises_inside(500))


def with_effects(n):
    # The inner loop appends to a list: the outer trace does not call it.
    out = []
    for i in range(n):
        j = i % 5
        while j > 0:
            out.append(j)
            j -= 1
    return len(out), sum(out)


print(with_effects(1000))
