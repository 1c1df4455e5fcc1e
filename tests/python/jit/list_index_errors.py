# An IndexError raised from a compiled loop (the bounds guard exits, the interpreter raises
# with the right traceback), caught in one case and uncaught at the end.


def shifted_sum(xs, shift):
    s = 0
    for i in range(len(xs)):
        s += xs[i + shift]
    return s


data = list(range(3000))
print(shifted_sum(data, 0))
print(shifted_sum(data, -3000))
try:
    shifted_sum(data, 1)
except IndexError as e:
    print("IndexError:", e)


def fill(xs, n):
    for i in range(n):
        xs[i] = i * i
    return xs


print(sum(fill([0] * 500, 500)))
try:
    fill([0] * 500, 501)
except IndexError as e:
    print("IndexError:", e)

vals = [1.5] * 400
k = 0
while True:
    vals[k] = vals[k] * 2.0
    k += 1
print("unreachable", k)
