s = "Hello, World"
print([c for c in s if c.isupper()], "".join(c for c in s if c.isalpha()).lower())
print(s.split(", "), " | ".join(reversed(s.split(", "))))
acc = []
for i, c in enumerate(s):
    if i % 3 == 0:
        acc.append(c)
print("".join(acc))
print({c: s.count(c) for c in sorted(set(s.lower())) if c.isalpha()})
vowels = sum(1 for c in s.lower() if c in "aeiou")
print(vowels, len(s) - vowels)
print(s.replace("l", "L", 2), s[::-1].swapcase())
out = ""
for w in "one two three".split():
    out += w[0].upper() + w[1:] + " "
print(repr(out), repr(out.rstrip()))
print("".join(chr(ord(c) ^ 32) if c.isalpha() else c for c in s))
