# An exception raised after many iterations of a hot loop and never caught: traceback on
# stderr, exit code 1, and the output printed before it must be complete.


def accumulate(n):
    s = 0
    i = 0
    while i < n:
        s = s + i
        i += 1
        if i == 2500:
            print("partial", s)
        if i == 4000:
            s = s / (i - 4000)
    return s


print("start")
print(accumulate(1000))
print(accumulate(5000))
print("not reached")
