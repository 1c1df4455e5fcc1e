import math
vals = [math.sqrt(i) for i in range(10000)]
print(sum(vals))
print(vals[2], vals[9999])
dists = [math.sqrt(x * x + y * y) for x in range(60) for y in range(60)]
print(len(dists), max(dists), sum(dists))
norms = [math.hypot(i, i + 1) for i in range(100)]
print(round(sum(norms), 9))
inside = sum(1 for x in range(100) for y in range(100) if math.sqrt((x / 100) ** 2 + (y / 100) ** 2) <= 1.0)
print(inside, 4 * inside / 10000)
