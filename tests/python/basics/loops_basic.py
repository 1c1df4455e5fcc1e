total = 0
for i in range(10):
    total += i
print(total)
n = 0
while n < 5:
    n += 1
print(n)
s = ""
for ch in "abc":
    for d in "12":
        s += ch + d
print(s)
for i in range(3, 0, -1):
    print("countdown", i)
words = ["alpha", "beta", "gamma"]
for idx, w in enumerate(words, start=1):
    print(idx, w.upper())
for a, b in zip(words, range(100)):
    print(a, b)
i = 10
while True:
    i -= 3
    if i < 0:
        break
print(i)
acc = []
for x in range(20):
    if x % 3:
        continue
    acc.append(x)
print(acc)
for x in []:
    print("never")
else:
    print("empty loop else")
k = 0
for k in range(5):
    pass
print(k)
mult = [[r * c for c in range(1, 6)] for r in range(1, 6)]
for row in mult:
    print(" ".join(str(v).rjust(3) for v in row))
