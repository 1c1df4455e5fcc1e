# The sign of a NaN made by arithmetic (inf - inf is -nan on x86-64, as in CPython) survives
# storing it, in the interpreter and in compiled loops; NaNs print as nan either way.
import math

x = float('inf') - float('inf')
print(x, -x, abs(x), math.copysign(1, x), math.copysign(1, -x), repr(x), str(-x), f"{x:.3f}", format(x, 'e'))
print(x != x, x == x, math.isnan(x), hash(x) == hash(x))
l = [x, -x, float('nan')]
print(l, x in l, l.count(x))
print(float('-nan'), math.copysign(1, float('-nan')), math.copysign(1, float('nan')))


def signs(n):
    inf = float('inf')
    out = [0.0] * n
    for i in range(n):
        a = inf - inf if i % 3 == 0 else -(inf - inf) if i % 3 == 1 else i * 0.5
        b = a * 2.0 + 1.0
        out[i] = -b if i % 2 else b
    return out


for n in (5, 60, 200):
    out = signs(n)
    print(n, [math.copysign(1, v) for v in out[:8]], sum(math.copysign(1, v) for v in out))

y = 0.0
for i in range(300):
    y = 1.0 + (float('inf') - float('inf')) * 1.0
print(y, math.copysign(1, y))
