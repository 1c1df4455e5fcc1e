d = {i: i * 3 % 17 for i in range(2000)}
total = 0
for k in d:
    total += d[k]
print(total)
total = 0
for k, v in d.items():
    if v % 2:
        total += k
print(total)
print(sum(d.values()), max(d.values()), min(d.keys()))
inv = {}
for k, v in d.items():
    inv.setdefault(v, []).append(k)
print(len(inv), [len(inv[i]) for i in range(17)])
words = {}
for i in range(500):
    key = "k" + str(i % 37)
    words[key] = words.get(key, 0) + i
print(len(words), words["k0"], words["k36"], sum(words.values()))
keys = sorted(words, key=lambda k: (words[k], k))
print(keys[:5], keys[-3:])
