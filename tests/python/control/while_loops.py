n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
a, b = 0, 1
fibs = []
while a < 1000:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
lo, hi = 0, 1000
target = 737
guesses = 0
while lo <= hi:
    mid = (lo + hi) // 2
    guesses += 1
    if mid == target:
        break
    elif mid < target:
        lo = mid + 1
    else:
        hi = mid - 1
print(mid, guesses)
stack = [1]
seen = 0
while stack:
    x = stack.pop()
    seen += 1
    if x < 20:
        stack.extend([x * 2, x * 2 + 1])
print(seen)
x = 1.0
while abs(x * x - 2) > 1e-12:
    x = (x + 2 / x) / 2
print(x)
i = 10
while i:
    i -= 3
    if i < 0:
        print("went negative", i)
        break
