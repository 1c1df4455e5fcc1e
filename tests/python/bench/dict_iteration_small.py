d = {}
for i in range(5000):
    d[i] = i * i % 101
s = 0
for k, v in d.items():
    s += k * v
print(s)
s = 0
for k in d:
    s += d[k]
print(s)
print(sum(d.values()), len(d))
words = {}
for i in range(3000):
    key = "w" + str(i % 250)
    words[key] = words.get(key, 0) + 1
print(len(words), words["w0"], words["w249"])
hist = {}
for v in d.values():
    hist[v] = hist.get(v, 0) + 1
print(sorted(hist.items())[:5])
