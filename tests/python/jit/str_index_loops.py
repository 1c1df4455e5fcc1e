# s[i] in loops: ASCII and non-ASCII strs, negative indexes, an index that runs past the
# end (IndexError caught), characters past U+00FF, and a str that changes mid-loop.


def digits(n):
    out = []
    for i in range(n):
        out.append("0123456789"[i % 10])
    return "".join(out)


print(digits(250)[:40], len(digits(250)))


def count_vowels(s):
    k = 0
    for i in range(len(s)):
        c = s[i]
        if c == "a" or c == "e" or c == "o":
            k += 1
    return k


text = "the quick brown fox jumps over the lazy dog " * 20
print(count_vowels(text))
print(count_vowels("héllo wörld, déjà vu " * 20))


def backwards(s):
    out = []
    for i in range(1, len(s) + 1):
        out.append(s[-i])
    return "".join(out)


print(backwards("abcdefghij" * 30)[:25])


def past_end(s, n):
    got = []
    try:
        for i in range(n):
            got.append(s[i])
    except IndexError as e:
        print("IndexError:", e, len(got))
    return len(got)


print(past_end("x" * 300, 400))


def wide(n):
    # Characters past U+00FF: the interpreter makes their strs.
    s = "aé€b" * 100
    out = []
    for i in range(n):
        out.append(s[i % len(s)])
    return "".join(out[:12]), len(out)


print(wide(400))


def switching(n):
    words = ["alpha", "beta", "gamma", "delta"]
    total = []
    for i in range(n):
        w = words[i % 4]
        total.append(w[i % len(w)])
    return "".join(total[:30])


print(switching(500))


def not_str(n):
    # The subscripted value stops being a str.
    seqs = ["abcdef"] * 200 + [[1, 2, 3, 4, 5, 6]] * 200
    acc = []
    for i in range(n):
        acc.append(seqs[i][i % 6])
    return acc[195:205]


print(not_str(400))
