src = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
lc = [x for x in src]
sc = {x for x in src}
dc = {x: src.count(x) for x in src}
gc = (x for x in src)
print(type(lc).__name__, type(sc).__name__, type(dc).__name__, type(gc).__name__)
print(lc, sorted(sc), dc, list(gc))
print([x for x in src if x > 3][::-1], sorted({x % 4 for x in src}))
print({k: v for k, v in dc.items() if v > 1})
print([[y for y in range(x)] for x in sc if x < 4])
print(list({x: None for x in "hello"}))
print([x for x in range(3)] == list(x for x in range(3)))
print(sum(x for x in src), "".join(str(x) for x in src))
print([i * j for i, j in zip(src, reversed(src))])
print([c for c in "comprehension" if c in "aeiou"])
print(dict.fromkeys(x for x in "aab"))
