data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 6])
print(y)
import math
vals = [r for n in range(1, 30) if (r := math.isqrt(n)) ** 2 == n]
print(vals)
total = 0
running = [(total := total + x) for x in data]
print(running, total)
lines = ["a=1", "bad", "c=3", "d="]
parsed = {k: v for line in lines if (p := line.partition("="))[1] and (k := p[0]) and (v := p[2])}
print(parsed)
print([last := i for i in range(4)], last)
def find_first(seq, pred):
    if any(pred(found := x) for x in seq):
        return found
    return None
print(find_first([1, 4, 9, 16], lambda v: v > 5), find_first([1], lambda v: v > 5))
