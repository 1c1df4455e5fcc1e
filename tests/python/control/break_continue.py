for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print("i", i)
out = []
for a in range(4):
    for b in range(4):
        if b > a:
            break
        if (a + b) % 2:
            continue
        out.append((a, b))
print(out)
n = 0
total = 0
while n < 100:
    n += 1
    if n % 3 == 0:
        continue
    if total > 200:
        break
    total += n
print(n, total)
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
for i in range(3):
    try:
        if i == 1:
            continue
        print("try", i)
    finally:
        print("finally", i)
k = 0
while True:
    k += 1
    try:
        if k == 3:
            break
    finally:
        print("cleanup", k)
print("k", k)
