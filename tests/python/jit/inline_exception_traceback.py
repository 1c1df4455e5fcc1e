# An uncaught exception raised three inlined calls deep inside a hot module-level loop
# after ~2500 iterations: the traceback (all frames, with their lines) goes to stderr,
# the exit code is 1, and the output printed before it is complete.


def c(x):
    return 10 // (x - 2500) + x


def b(x):
    return c(x) + 1


def a(x):
    return b(x) * 2


print("start")
acc = 0
for i in range(3000):
    acc += a(i)
    if i % 500 == 0:
        print("progress", i, acc)
print("not reached", acc)
