from collections import deque
d = deque([1, 2])
print(d * 3, 3 * d, 0 * d, d * -1)
d *= 2
print(d, len(d))
b = deque("ab", maxlen=3)
print(b * 2, 2 * b)
