parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for i in range(26):
    s += chr(ord("a") + i)
print(s)
print(s[::-1])
print("-" * 20)
line = "|".join(f"{i:02d}" for i in range(8))
print(line)
table = []
for r in range(3):
    table.append(" ".join(str(r * 3 + c) for c in range(3)))
print("\n".join(table))
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join(w.capitalize() for w in words))
print("".join(reversed(words)))
acc = []
for w in words:
    if len(w) > 3:
        acc.append(w[0].upper() + w[1:])
print(acc)
print(str(123) + str(4.5) + str(None) + str([1, 2]))
