total = 0
for i in range(200):
    for j in range(200):
        total += (i * j) % 7
print(total)
acc = 0
i = 0
while i < 30000:
    acc = (acc + i * i) % 1000003
    i += 1
print(acc)
count = 0
for a in range(1, 60):
    for b in range(a, 60):
        for c in range(b, 60):
            if a * a + b * b == c * c:
                count += 1
print(count)
x = 0
for k in range(100000):
    x ^= k * 2654435761 & 0xFFFFFFFF
print(x)
