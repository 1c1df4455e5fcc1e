# Bridges that update variables the loop's own path never touches (a counter on a rare
# branch): linked into the loop, which then carries those variables too.


def scan(s):
    commas = 0
    colons = 0
    for ch in s:
        if ch == ",":
            commas += 1
        elif ch == ":":
            colons += 1
    return commas, colons


text = ",".join(f"{i}:{'abc'[i % 3]}" for i in range(4000))
print("scan", scan(text))


def float_sums(n):
    small = 0.0
    big = 0.0
    for i in range(n):
        if i % 7 == 0:
            small += i * 0.5
        if i % 11 == 3:
            big -= i / 4
    return small, big


print("floats", float_sums(20000))


def counter_changes_type(n):
    hits = 0
    for i in range(n):
        if i % 5 == 0:
            hits += 1
            if i > n // 2:
                hits += 0.5
    return hits


print("type change", counter_changes_type(6000))


def unbound_counter(n):
    for i in range(n):
        if i % 9 == 4:
            try:
                seen += 1
            except UnboundLocalError:
                seen = 100
    return seen


print("unbound", unbound_counter(5000))


def raises_in_bridge(n):
    count = 0
    errors = 0
    for i in range(n):
        if i % 13 == 0:
            try:
                count += 10 // (i % 1300 - 650)
            except ZeroDivisionError:
                errors += 1
    return count, errors


print("raises", raises_in_bridge(20000))

total_hits = 0


def global_counter(n):
    global total_hits
    for i in range(n):
        if i % 3 == 0:
            total_hits += 1


global_counter(9000)
print("global", total_hits)


def overflow_counter(n):
    acc = 2**62
    for i in range(n):
        if i % 4 == 0:
            acc += 2**60
    return acc


print("overflow", overflow_counter(400))


def two_bridges_same_counter(n):
    c = 0
    for i in range(n):
        if i % 3 == 0:
            c += 1
        elif i % 3 == 1:
            c += 2
    return c


print("two bridges", two_bridges_same_counter(30000))


def nested(rows):
    out = []
    for row in rows:
        neg = 0
        for x in row:
            if x < 0:
                neg += 1
        out.append(neg)
    return out


rows = [[(i * 7 + j * 3) % 11 - 5 for j in range(30)] for i in range(300)]
print("nested", sum(nested(rows)), nested(rows)[:5])
