parts = []
for i in range(2000):
    parts.append(str(i))
s = ",".join(parts)
print(len(s), s[:30], s[-20:])
print(s.count("1"), s.find("999"), len(s.split(",")))
words = ("lorem ipsum dolor sit amet " * 200).split()
print(len(words), len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items()))
up = "".join(w.upper()[0] for w in words[:50])
print(up)
buf = ""
for i in range(500):
    buf += chr(97 + i % 26)
print(buf[:30], len(buf))
