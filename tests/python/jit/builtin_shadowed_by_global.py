# A loop that calls the builtins `abs` and `len` keeps working when a module global of the
# same name appears (and disappears) between runs, and when the loop itself creates one.
def run(xs):
    t = 0.0
    for i in range(len(xs)):
        t += abs(xs[i]) + len(xs)
    return t


xs = [float(i - 500) for i in range(1000)]
print(run(xs))


def abs(x):
    return 1.0


print(run(xs))
del abs
print(run(xs))

total = 0
for i in range(3000):
    total += len(xs)
    if i == 2000:
        globals()["len"] = lambda s: -1
print(total)
