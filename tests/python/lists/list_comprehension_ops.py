nums = list(range(-5, 6))
print([n * n for n in nums])
print([n for n in nums if n > 0])
print([abs(n) for n in nums if n % 2 == 0])
print([(a, b) for a in range(3) for b in range(a)])
print([[c for c in range(r)] for r in range(4)])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
flat = [x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row]
print(flat)
print(sum([x for x in range(101)]), max([len(w) for w in "a bb ccc".split()]))
primes = [p for p in range(2, 60) if all(p % d for d in range(2, int(p ** 0.5) + 1))]
print(primes)
print([i for i, c in enumerate("banana") if c == "a"])
words = ["apple", "Bob", "kayak", "level", "python"]
print([w for w in words if w.lower() == w.lower()[::-1]])
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
