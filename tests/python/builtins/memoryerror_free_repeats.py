s = "ab" * 1000
print(len(s), s[:6], s.count("ab"))
l = [0] * 100000
print(len(l), sum(l))
t = (1, 2) * 5000
print(len(t), t[-2:])
b = b"xyz" * 3000
print(len(b), b[-3:])
nested = [[0] * 10] * 10
print(len(nested), len(nested[0]))
import sys
try:
    x = [0] * (sys.maxsize // 4)
    print("allocated?!")
except MemoryError:
    print("MemoryError caught for huge list")
except OverflowError as e:
    print("OverflowError:", e)
try:
    y = "a" * (sys.maxsize)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, "caught for huge str")
try:
    z = [1] * (2 ** 70)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__ + ":", e)
try:
    w = "x" * (2 ** 70)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__ + ":", e)
print(sys.maxsize)
