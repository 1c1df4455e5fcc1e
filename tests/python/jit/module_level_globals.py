# Loops at module level: globals read and written in the loop, rebound and deleted between
# loops, a global that changes type inside the loop, and a global list mutated in place.
n = 3000
a = [0.0] * n
b = [1.0] * n
fac = 0.25

for it in range(5):
    for i in range(1, n - 1):
        a[i] = fac * b[i] + 0.5 * (b[i - 1] + b[i + 1])
    for i in range(n):
        b[i] = a[i]
print(sum(a), sum(b), i, it)

fac = 2                      # now an int
for i in range(n):
    a[i] = fac * i
print(sum(a), a[-1])

total = 0
for i in range(2000):
    total += i
    if i == 1500:
        total = total * 1.0  # the global becomes a float mid-loop
print(total, type(total).__name__)

count = 0
while count < 5000:
    count += 3
print(count)

del fac
try:
    for i in range(n):
        a[i] = fac
except NameError as e:
    print("NameError", e, i)

acc = 0
for i in range(100):
    for j in range(100):
        acc += i ^ j if False else i * j
print(acc)
