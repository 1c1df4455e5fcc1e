squares = {n: n * n for n in range(8)}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
words = "the quick brown fox jumps over the lazy dog".split()
lengths = {w: len(w) for w in words}
print(lengths)
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
print({k: v for k, v in lengths.items() if v > 3})
print({c: words[0].count(c) for c in words[0]})
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested, nested[2][2])
print({(i, j): i + j for i in range(2) for j in range(2)})
first = {}
for i, w in enumerate(words):
    first.setdefault(w[0], i)
print(first)
print(dict(sorted(lengths.items(), key=lambda kv: (kv[1], kv[0]))))
print(max(lengths, key=lengths.get), min(lengths.values()))
