# Loops at module level (globals, not fast locals), mixed with loops in functions.

total = 0
i = 0
while i < 3000:
    total += i
    i += 1
print("while", total, i)

acc = 0.0
for k in range(1, 2000):
    acc = acc + 1 / k
    if k == 1000:
        print("halfway", acc)
print("for", acc, k)

x = 2 ** 47 - 500
for k in range(1000):
    x += 1
print("crossed", x)

v = 0
for k in range(900):
    if k == 300:
        v = 0.5
    if k == 600:
        v = "s"
    v = v + ("x" if isinstance(v, str) else 1)
print("morphed", len(v), v[:6])


def in_function(n):
    s = 0
    for j in range(n):
        s += j
    return s


results = []
for r in range(5):
    results.append(in_function(r * 300))
print(results)

for k in range(0):
    print("never")
print("k still", k)

n = 0
while True:
    n += 1
    if n >= 1000:
        break
print("n", n)

try:
    for q in range(5000):
        if q == 4000:
            1 / 0
except ZeroDivisionError as e:
    print("caught", q, e)
