text = """it was the best of times it was the worst of times it was the age of wisdom
it was the age of foolishness it was the epoch of belief"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{w:<12}{c}")
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:5])
print(sum(counts.values()), len(counts))
groups = {}
for w in counts:
    groups.setdefault(w[0], set()).add(len(w))
print({k: sorted(v) for k, v in sorted(groups.items())})
index = {}
for lineno, line in enumerate(text.splitlines(), 1):
    for w in line.split():
        index.setdefault(w, []).append(lineno)
print({k: v for k, v in index.items() if len(set(v)) > 1})
