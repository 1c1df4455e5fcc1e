# Loop traces speculate that int inputs stay near the values they were recorded with, and
# drop overflow checks that speculation proves needless. Inputs far outside it (up to and
# past 64 bits) must still compute Python's exact ints, through a range loop's variable,
# products and sums.


def f(p, n):
    s = 0
    for b in range(n):
        c = p - b
        s += c * c + b * b
    return s


for i in range(50):
    f(100 + i, 20)
for p in [10**6, 2**31, 2**40, 2**62, -2**62, 2**63 - 1, 2**70, -2**70]:
    print(p, f(p, 5))


def g(x):
    t = 0
    for k in range(4):
        t += (x + k) * (x - k)
    return t


for x in [3, 70000, 2**20, 2**31 - 1, 2**31, 2**32 + 5, 3037000499, 3037000500, 2**62]:
    for _ in range(3):
        print(x, g(x), g(-x))

# The range itself far from zero, and a triangular loop whose bounds grow while it runs.
tot = 0
for a in range(1, 400000, 9973):
    for b in range(a, a + 3):
        tot += a * b - (b - a) * (a + b)
print(tot)
for start in [0, 2**20, 2**40, 2**62 - 3, 2**63 - 3]:
    acc = 0
    for k in range(start, start + 3):
        acc += k * 3 + k % 7
    print(start, acc)
