# Loops the JIT compiles over strs and dicts with str keys: str iteration (ASCII and not),
# str comparisons and `in`, `is None`, dict.get, dict stores, bit operations, and values a
# loop replaces while it still holds them. Every result is printed.


def scan(s):
    commas = colons = other = 0
    for ch in s:
        if ch == ",":
            commas += 1
        elif ch == ":":
            colons += 1
        elif ch != " ":
            other += 1
    return commas, colons, other


print(scan("a:1,b:2,c:3 " * 300))
print(scan("é:1,ü:2,日本:3, " * 200))
print(scan(""))


def classify(s):
    lower = upper = digits = vowels = 0
    for ch in s:
        if "a" <= ch <= "z":
            lower += 1
            if ch in "aeiou":
                vowels += 1
        elif ch >= "A" and ch <= "Z":
            upper += 1
        elif ch in "0123456789":
            digits += 1
    return lower, upper, digits, vowels


print(classify("Hello World 2024, the Quick brown fox ÄÖ " * 150))


def first_chars(words):
    out = []
    for w in words:
        for ch in w:
            out.append(ch)
            break
    return "".join(out)


print(first_chars(["alpha", "beta", "gamma", "delta", "éclair"] * 100)[:40])


def enumerate_chars(s):
    total = 0
    for i, ch in enumerate(s):
        if ch == "x":
            total += i
    return total


print(enumerate_chars("abxdefx" * 400))


def zip_chars(a, b):
    same = 0
    for x, y in zip(a, b):
        if x == y:
            same += 1
    return same


print(zip_chars("abcdefgh" * 200, "abcxefgy" * 200))


def count_words(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c


words = ["w%d" % (k * 7 % 13) for k in range(3000)]
c = count_words(words)
print(len(c), sorted(c.items())[:5])


def seen_before(words):
    seen = {}
    repeats = 0
    for w in words:
        if w in seen:
            repeats += 1
        else:
            seen[w] = True
        if w not in seen:
            repeats -= 1000
    return repeats, len(seen)


print(seen_before(words))


def get_none(d, keys):
    missing = 0
    for k in keys:
        v = d.get(k)
        if v is None:
            missing += 1
        elif v is not None:
            missing -= 0
    return missing


print(get_none({"a": 1, "b": 2}, ["a", "b", "c", "d"] * 500))


def get_types(d, keys):
    out = []
    for k in keys:
        out.append(d.get(k, 0.5))
    return out[:8], sum(1 for x in out if x == 0.5)


print(get_types({"i": 1, "f": 2.5, "s": "str", "l": [1]}, ["i", "f", "s", "l", "zz"] * 300))


class Key:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        global eq_calls
        eq_calls += 1
        return self.s == other


eq_calls = 0


def lookups_with_python_keys(n):
    d = {"a": 0, "b": 0}
    hits = 0
    for i in range(n):
        d["a"] = d.get("a", 0) + 1
        if i == n // 2:
            del d["b"]
            d[Key("b")] = 99
        if "b" in d:
            hits += 1
    return hits, d["a"]


print(lookups_with_python_keys(400), eq_calls)


def store_globals(n):
    g = globals()
    for i in range(n):
        g["counter"] = i
        g["total"] = total + i
    return counter, total


counter = 0
total = 0
print(store_globals(500))


class Bag:
    pass


def through_instance_dict(n):
    b = Bag()
    b.x = 0
    d = b.__dict__
    s = 0
    for i in range(n):
        s += b.x
        d["x"] = i
        s += b.x
    return s


print(through_instance_dict(600))


def dict_changes_size(n):
    d = {"k0": 0}
    try:
        for k, v in d.items():
            d["k%d" % v] = v
            d["x" + k] = v + 1
    except RuntimeError as e:
        print("RuntimeError:", e)
    return len(d)


print(dict_changes_size(10))


def bits(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc ^= (x >> 8) & 0xFF
        acc |= (i & 3) << 20
        acc = acc ^ (x << (i % 40))
    return acc


print(bits(2000))


def shifts(n):
    out = []
    for i in range(n):
        out.append((1 << i) >> (i // 2))
        out.append(-7 >> i)
        out.append(5 >> (i * 10))
    return out[-6:], sum(out) % 1000003


print(shifts(120))


def bad_shift(vals):
    got = 0
    for v in vals:
        try:
            got += 1 << v
        except ValueError as e:
            print("ValueError:", e)
    return got


print(bad_shift([1, 2, 3] * 50 + [-1] + [4] * 50))


class Pair:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def swap_attrs(n):
    p = Pair(None, None)
    p.x = [1, 2, 3] * 1
    p.y = (4, 5, 6) + ()
    for i in range(n):
        a = p.x
        p.x = p.y
        p.y = a
    return p.x, p.y


print(swap_attrs(1001))


def swap_entries(n):
    d = {"a": [1] * 3, "b": "x" * 3}
    for i in range(n):
        a = d["a"]
        d["a"] = d["b"]
        d["b"] = a
    return d


print(swap_entries(1001))


def append_strs(s):
    out = []
    for ch in s:
        if ch != "-":
            out.append(ch)
    return "".join(out)


print(append_strs("a-b-c-d-" * 300)[:20])


def mixed_is(vals):
    nones = 0
    for v in vals:
        if v is None:
            nones += 1
    return nones


print(mixed_is([1, None, 2.5, None, "s", None] * 300))
