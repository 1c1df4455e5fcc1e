import math
xs = [0.1] * 10
print(sum(xs), math.fsum(xs))
ys = [1e100, 1.0, -1e100, 1.0]
print(sum(ys), math.fsum(ys))
total = 0.0
for i in range(1, 1001):
    total += 1.0 / i
print(total)
total = 0.0
for i in range(1000, 0, -1):
    total += 1.0 / i
print(total)
print(math.fsum(1.0 / i for i in range(1, 1001)))
# kahan
def kahan(seq):
    s = 0.0
    c = 0.0
    for x in seq:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
print(kahan([0.1] * 10), kahan(1.0 / i for i in range(1, 1001)))
pi_approx = 4 * sum((-1) ** k / (2 * k + 1) for k in range(10000))
print(pi_approx)
e_approx = sum(1 / math.factorial(k) for k in range(20))
print(e_approx, math.e, e_approx == math.e)
print(math.sqrt(2) ** 2, math.sqrt(2) ** 2 == 2)
print(sum([1e16, 1.0, 1.0, -1e16]))
