# String processing: build a record string with %-formatting, scan it character by character,
# and split/parse the fields back (str iteration, comparisons, int()).
import sys


def build(n):
    parts = []
    for i in range(n):
        parts.append("%d:%s" % (i, "abc"[i % 3]))
    return ",".join(parts)


def scan(s):
    commas = 0
    colons = 0
    for ch in s:
        if ch == ",":
            commas += 1
        elif ch == ":":
            colons += 1
    return commas, colons


def parse(s):
    total = 0
    for field in s.split(","):
        num, tag = field.split(":")
        if tag == "b":
            total += int(num)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
s = build(n)
print(scan(s), parse(s))
