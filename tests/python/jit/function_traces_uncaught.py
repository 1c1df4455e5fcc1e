# An uncaught exception raised 4 levels deep inside a hot recursive function (compiled
# as a function trace after many successful calls): the full traceback with every
# recursive frame goes to stderr, the exit code is 1, and the output printed before it
# is complete.


def sift(n, data):
    if n == 0:
        return 0
    q = 840 // data[n]
    return q + sift(n - 1, data)


good = [1, 2, 3, 4, 5, 6, 7, 8]
total = 0
for i in range(1500):
    total += sift(i % 8, good)
    if i % 500 == 0:
        print("progress", i, total)
print("total", total)
print("sift(7)", sift(7, good))

bad = [1, 2, 3, 4, 0, 6, 7, 8]
print("shallow ok", sift(3, bad))
print("start deep")
print(sift(7, bad))
print("not reached")
