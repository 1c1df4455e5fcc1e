# A try block in a loop costs nothing in the trace: entering and leaving it are frame
# bookkeeping the exits redo (the block goes back on the frame's block stack), and the
# division that may raise is guarded like any other.
def f(n):
    total = 0
    for i in range(1, n):
        try:
            total += 1000 // i
        except ZeroDivisionError:
            total -= 1
    return total


print(f(1000))
